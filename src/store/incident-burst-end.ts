import type { Kysely } from 'kysely';
import type { Incident } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { IMMEDIATE_WRITES, incidentOf, noteRow } from './engine-writes.ts';
import type { EngineWrites } from './engine-writes.ts';
import { ENGINE_ACTOR } from './incident-audit.ts';
import { canonicalGroupKey } from './group-key.ts';
import { continuedWithMinutes, laterBurstMinutes, minutesAfter, selectBefore } from './incident-minutes.ts';
import type { Before } from './incident-minutes.ts';
import { heldSamples, storedColumns } from './held-row.ts';
import type { HeldRow } from './held-row.ts';
import { heldProgressColumns } from './incident-row.ts';
import type { Database } from './schema.ts';
import type { IncidentProgress, NewIncident } from './store.ts';

/**
 * A new burst of a rule on a group whose incident is still open after its burst ended (a manual
 * rule, or an acknowledged one): the incident takes the new episode and goes on, rather than a twin opening beside it.
 * Undefined when no such incident is open.
 */
export function continueIncident(
  db: Kysely<Database>,
  incident: NewIncident,
  writes: EngineWrites = IMMEDIATE_WRITES,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const groupKey = canonicalGroupKey(incident.group);
    const quiet = writes.quiet && (await writes.quiet.serialsOf(trx, incident.ruleId, groupKey));
    if (quiet && quiet.length === 0) return undefined;
    // The incident as this transaction keeps it, when it does (it may not be stored yet).
    const held = quiet && quiet.length === 1 ? writes.known?.bySerialNumber(quiet[0] as number) : undefined;
    const before = isQuiet(held) ? held : await storedQuiet(trx, incident.ruleId, groupKey, writes);
    if (before === undefined) return undefined;
    const count = Number(before.count) + incident.count;
    const firstSeen = Number(before.first_seen);
    const changes = {
      episode_id: incident.episodeId,
      earlier_count: Number(before.count),
      earlier_minute_counts: before.minute_counts,
      count,
      last_seen: incident.lastSeen,
      ...heldSamples(incident.samples),
      quiet_since: null,
      minute_counts:
        incident.minutes !== undefined && before.minute_counts !== null
          ? laterBurstMinutes(before.minute_counts, incident.minutes)
          : minutesAfter(before, { count, firstSeen, lastSeen: incident.lastSeen }, incident.firstSeen),
    };
    const row = await changeRow(trx, before === held ? held : Number(before.serial), changes, writes);
    await writes.trail.add(trx, {
      serial: row.serial,
      at: incident.openedAt,
      actor: ENGINE_ACTOR,
      action: 'updated',
      detail: `new burst: ${incident.count} events, ${Number(row.count)} in all`,
    });
    return incidentOf(row, writes);
  });
}

function isQuiet(row: HeldRow | undefined): row is HeldRow {
  return row !== undefined && row.status !== 'resolved' && row.quiet_since !== null;
}

/** The rule and group's quiet incident that is not resolved, as the store holds it. */
async function storedQuiet(
  trx: Kysely<Database>,
  ruleId: string,
  groupKey: string,
  writes: EngineWrites,
): Promise<Before | undefined> {
  await writes.known?.drain(trx); // the look-up reads the stored rows
  return selectBefore(trx)
    .where('rule_id', '=', ruleId)
    .where('group_key', '=', groupKey)
    .where('quiet_since', 'is not', null)
    .executeTakeFirst();
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
  writes: EngineWrites = IMMEDIATE_WRITES,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const known = writes.known ? writes.known.byEpisodeId(episodeId) : 'unknown';
    const current =
      known === 'unknown'
        ? await selectBefore(trx).where('episode_id', '=', episodeId).executeTakeFirst()
        : known;
    if (current === undefined || current.status === 'resolved') return undefined;
    const resolves = current.status === 'open' && options.manual !== true;
    const changes = {
      ...heldProgressColumns(progress),
      ...continuedWithMinutes(current, progress),
      ...(resolves
        ? { status: 'resolved' as const, resolved_at: at, resolved_by: ENGINE_ACTOR }
        : { quiet_since: at }),
    };
    const row = await changeRow(
      trx,
      known === 'unknown' || known === undefined ? Number(current.serial) : known,
      changes,
      writes,
    );
    const count = Number(row.count);
    // Events since the last update (or updates never written: a batch keeps only its last signal)
    // get their line as an update would have written it, so the trail is the same either way.
    if (count > Number(current.count))
      await writes.trail.fold(trx, [{ serial: Number(row.serial), count, lastSeen: progress.lastSeen }]);
    await writes.trail.add(trx, {
      serial: row.serial,
      at,
      actor: ENGINE_ACTOR,
      action: resolves ? 'resolved' : 'updated',
      detail: resolves
        ? `condition no longer held; ${count} events`
        : `attack stopped; ${count} events; stays ${current.status} until a person resolves it`,
    });
    return incidentOf(row, writes);
  });
}

/** Changes the incident: the stored row, or the row this transaction keeps (see KnownIncidents). */
async function changeRow(
  trx: Kysely<Database>,
  target: number | HeldRow,
  changes: Partial<HeldRow>,
  writes: EngineWrites,
): Promise<HeldRow> {
  let row: HeldRow;
  if (typeof target === 'number')
    row = await trx
      .updateTable('incidents')
      .set(storedColumns(changes))
      .where('serial', '=', target)
      .returningAll()
      .executeTakeFirstOrThrow();
  else {
    row = { ...target, ...changes };
    writes.known?.change(row);
  }
  noteRow(writes, row);
  return row;
}
