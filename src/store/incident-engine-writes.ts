import type { Kysely } from 'kysely';
import { ConflictError, minutesAfterUpdate } from '../core/index.ts';
import type { Incident, MinuteCount } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { ENGINE_ACTOR, writeAudit } from './incident-audit.ts';
import { foldCountLines } from './incident-count-lines.ts';
import { canonicalGroupKey } from './group-key.ts';
import { toIncident, toIncidentRow, toProgressColumns } from './incident-row.ts';
import { INCIDENT_SERIAL_COUNTER } from './schema.ts';
import type { Database, IncidentTable } from './schema.ts';
import type { IncidentProgress, NewIncident } from './store.ts';

/**
 * Opens an incident under the next serial. The serial comes from a counter row updated in this
 * transaction: the row lock queues concurrent openers (also other instances on one PostgreSQL)
 * until this one commits, and a rollback takes the serial back, so serials never skip or repeat.
 */
export function openIncident(db: Kysely<Database>, incident: NewIncident): Promise<Incident> {
  return atomically(db, async (trx) => {
    const serial = await stepSerialCounter(trx, +1);
    const row = toIncidentRow(incident, serial, undefined);
    // One round trip: the previous incident is a subquery, a known episode skips the insert.
    const inserted = await trx
      .insertInto('incidents')
      .values({
        ...row,
        previous_serial: (eb) =>
          eb
            .selectFrom('incidents')
            .select('serial')
            .where('rule_id', '=', row.rule_id)
            .where('group_key', '=', row.group_key)
            .orderBy('serial', 'desc')
            .limit(1),
      })
      .onConflict((oc) => oc.column('episode_id').doNothing())
      .returning('previous_serial')
      .executeTakeFirst();
    if (inserted === undefined) throw await refuseKnownEpisode(trx, incident.episodeId);
    row.previous_serial = inserted.previous_serial === null ? null : Number(inserted.previous_serial);
    await writeAudit(trx, {
      serial,
      at: incident.openedAt,
      actor: ENGINE_ACTOR,
      action: 'opened',
      detail: `${incident.count} events`,
    });
    return toIncident(row);
  });
}

/** The episode has an incident already (another instance may have opened it while we waited for the counter). */
async function refuseKnownEpisode(trx: Kysely<Database>, episodeId: string): Promise<ConflictError> {
  await stepSerialCounter(trx, -1); // leave no gap even if the caller catches this and commits
  const existing = await trx
    .selectFrom('incidents')
    .select('serial')
    .where('episode_id', '=', episodeId)
    .executeTakeFirstOrThrow();
  return new ConflictError(`episode ${episodeId} already has incident #${existing.serial}`);
}

async function stepSerialCounter(trx: Kysely<Database>, step: 1 | -1): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', step) }))
    .where('name', '=', INCIDENT_SERIAL_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * The engine's update of an episode's incident that is not resolved yet, in one UPDATE: the count
 * goes on from the incident's earlier bursts, the first time seen stays the first burst's, and a
 * first burst's minutes are the engine's. Only after an earlier burst (or without the engine's
 * minutes) are the minutes read back and topped up in a second statement.
 */
export function progressEpisode(
  db: Kysely<Database>,
  episodeId: string,
  progress: IncidentProgress,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const row = await updateProgress(trx, episodeId, progress);
    if (row === undefined) return undefined;
    await foldCountUpdate(trx, Number(row.serial), Number(row.count), progress);
    return toIncident(row);
  });
}

/**
 * `progressEpisode` for many episodes in one transaction: an UPDATE each, and their count lines
 * together (two statements for all). Undefined for an episode whose incident is not open.
 */
export function progressEpisodes(
  db: Kysely<Database>,
  updates: readonly { episodeId: string; progress: IncidentProgress }[],
): Promise<(Incident | undefined)[]> {
  return atomically(db, async (trx) => {
    const rows: (IncidentTable | undefined)[] = [];
    for (const { episodeId, progress } of updates) rows.push(await updateProgress(trx, episodeId, progress));
    const lines = rows.flatMap((row, i) =>
      row === undefined
        ? []
        : [{ serial: Number(row.serial), count: Number(row.count), lastSeen: updates[i]!.progress.lastSeen }],
    );
    await foldCountLines(trx, lines);
    return rows.map((row) => row && toIncident(row));
  });
}

async function updateProgress(
  trx: Kysely<Database>,
  episodeId: string,
  progress: IncidentProgress,
): Promise<IncidentTable | undefined> {
  const minutes = progress.minutes === undefined ? undefined : JSON.stringify(progress.minutes);
  const row = await trx
    .updateTable('incidents')
    .set((eb) => ({
      ...toProgressColumns(progress),
      count: eb('earlier_count', '+', progress.count),
      first_seen: eb
        .case()
        .when('earlier_count', '>', 0)
        .then(eb.ref('first_seen'))
        .else(progress.firstSeen)
        .end(),
      ...(minutes !== undefined && {
        minute_counts: eb
          .case()
          .when('earlier_count', '=', 0)
          .then(minutes)
          .else(eb.ref('minute_counts'))
          .end(),
      }),
      quiet_since: null,
    }))
    .where('episode_id', '=', episodeId)
    .where('status', '!=', 'resolved')
    .returningAll()
    .executeTakeFirst();
  if (row === undefined || (minutes !== undefined && Number(row.earlier_count) === 0)) return row;
  const topped = minutesJson(row, {
    count: Number(row.count),
    firstSeen: Number(row.first_seen),
    lastSeen: progress.lastSeen,
  });
  await trx
    .updateTable('incidents')
    .set({ minute_counts: topped })
    .where('serial', '=', row.serial)
    .execute();
  return { ...row, minute_counts: topped };
}

type Before = Pick<
  IncidentTable,
  'serial' | 'status' | 'count' | 'earlier_count' | 'first_seen' | 'minute_counts'
>;

/** What an engine write needs to know of the incident it changes, so that it changes it in one UPDATE. */
function selectBefore(trx: Kysely<Database>) {
  return trx
    .selectFrom('incidents')
    .select(['serial', 'status', 'count', 'earlier_count', 'first_seen', 'minute_counts'])
    .where('status', '!=', 'resolved');
}

/**
 * The count goes on from the incident's earlier bursts and the first time seen stays the first
 * burst's. The minutes are the engine's for a first burst (the same whenever the update is
 * written); after an earlier burst, what the count grew by goes to the minute of last seen.
 */
function continuedWithMinutes(before: Before, progress: IncidentProgress, spreadFrom?: number) {
  const earlier = Number(before.earlier_count);
  const count = earlier + progress.count;
  const firstSeen = earlier > 0 ? Number(before.first_seen) : progress.firstSeen;
  const minutes =
    earlier === 0 && progress.minutes !== undefined
      ? JSON.stringify(progress.minutes)
      : minutesJson(before, { count, firstSeen, lastSeen: progress.lastSeen }, spreadFrom);
  return { count, first_seen: firstSeen, minute_counts: minutes };
}

function minutesJson(
  before: Pick<IncidentTable, 'minute_counts'>,
  update: { count: number; firstSeen: number; lastSeen: number },
  spreadFrom?: number,
): string {
  const minutes =
    before.minute_counts === null ? undefined : (JSON.parse(before.minute_counts) as MinuteCount[]);
  return JSON.stringify(
    minutesAfterUpdate(minutes, { ...update, ...(spreadFrom !== undefined && { spreadFrom }) }),
  );
}

/** The incident's count line (see foldCountLines). */
async function foldCountUpdate(
  trx: Kysely<Database>,
  serial: number,
  count: number,
  progress: IncidentProgress,
): Promise<void> {
  await foldCountLines(trx, [{ serial, count, lastSeen: progress.lastSeen }]);
}

/**
 * A new burst of a rule on a group whose incident is still open after its burst ended (a manual
 * rule, or an acknowledged one): the incident takes the new episode and goes on, rather than a twin opening beside it.
 * Undefined when no such incident is open.
 */
export function continueIncident(db: Kysely<Database>, incident: NewIncident): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const before = await selectBefore(trx)
      .where('rule_id', '=', incident.ruleId)
      .where('group_key', '=', canonicalGroupKey(incident.group))
      .where('quiet_since', 'is not', null)
      .executeTakeFirst();
    if (before === undefined) return undefined;
    const count = Number(before.count) + incident.count;
    const firstSeen = Number(before.first_seen);
    const row = await trx
      .updateTable('incidents')
      .set({
        episode_id: incident.episodeId,
        earlier_count: Number(before.count),
        count,
        last_seen: incident.lastSeen,
        samples_json: JSON.stringify(incident.samples),
        quiet_since: null,
        minute_counts: minutesJson(
          before,
          { count, firstSeen, lastSeen: incident.lastSeen },
          incident.firstSeen,
        ),
      })
      .where('serial', '=', before.serial)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      serial: row.serial,
      at: incident.openedAt,
      actor: ENGINE_ACTOR,
      action: 'updated',
      detail: `new burst: ${incident.count} events, ${Number(row.count)} in all`,
    });
    return toIncident(row);
  });
}

/**
 * The engine saw the condition stay false for resolve_after. An auto incident nobody acknowledged
 * resolves; a manual one, or one a person acknowledged, stays as it is with `quiet_since` set: only
 * a person resolves it. An incident already resolved is left alone (undefined).
 */
export function resolveEpisode(
  db: Kysely<Database>,
  episodeId: string,
  at: number,
  progress: IncidentProgress,
  options: { manual?: boolean } = {},
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const current = await selectBefore(trx).where('episode_id', '=', episodeId).executeTakeFirst();
    if (current === undefined) return undefined;
    const resolves = current.status === 'open' && options.manual !== true;
    const row = await trx
      .updateTable('incidents')
      .set({
        ...toProgressColumns(progress),
        ...continuedWithMinutes(current, progress),
        ...(resolves
          ? { status: 'resolved' as const, resolved_at: at, resolved_by: ENGINE_ACTOR }
          : { quiet_since: at }),
      })
      .where('serial', '=', current.serial)
      .returningAll()
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    // Events since the last update (or updates never written: a batch keeps only its last signal)
    // get their line as an update would have written it, so the trail is the same either way.
    if (count > Number(current.count)) await foldCountUpdate(trx, Number(row.serial), count, progress);
    await writeAudit(trx, {
      serial: row.serial,
      at,
      actor: ENGINE_ACTOR,
      action: resolves ? 'resolved' : 'updated',
      detail: resolves
        ? `condition no longer held; ${count} events`
        : `attack stopped; ${count} events; stays ${current.status} until a person resolves it`,
    });
    return toIncident(row);
  });
}
