import type { Kysely } from 'kysely';
import { ConflictError } from '../core/index.ts';
import type { Incident } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { ENGINE_ACTOR, writeAudit } from './incident-audit.ts';
import { toIncident, toIncidentRow, toProgressColumns } from './incident-row.ts';
import { INCIDENT_SERIAL_COUNTER } from './schema.ts';
import type { Database } from './schema.ts';
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

/** The engine's update of an episode's incident that is not resolved yet. */
export function progressEpisode(
  db: Kysely<Database>,
  episodeId: string,
  progress: IncidentProgress,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const row = await trx
      .updateTable('incidents')
      .set(toProgressColumns(progress))
      .where('episode_id', '=', episodeId)
      .where('status', '!=', 'resolved')
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return undefined;
    await foldCountUpdate(trx, Number(row.serial), progress);
    return toIncident(row);
  });
}

/**
 * Count updates fold into one audit line per incident, "60 events, last at ...", kept last so that
 * people's notes are not buried under one row per update.
 */
async function foldCountUpdate(
  trx: Kysely<Database>,
  serial: number,
  progress: IncidentProgress,
): Promise<void> {
  await trx
    .deleteFrom('incident_audit')
    .where('serial', '=', serial)
    .where('actor', '=', ENGINE_ACTOR)
    .where('action', '=', 'updated')
    .execute();
  await writeAudit(trx, {
    serial,
    at: progress.lastSeen,
    actor: ENGINE_ACTOR,
    action: 'updated',
    detail: `${progress.count} events, last at ${new Date(progress.lastSeen).toISOString()}`,
  });
}

/** The engine saw the condition stay false for resolve_after. An incident already resolved is left alone (undefined). */
export function resolveEpisode(
  db: Kysely<Database>,
  episodeId: string,
  at: number,
  progress: IncidentProgress,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const row = await trx
      .updateTable('incidents')
      .set({ ...toProgressColumns(progress), status: 'resolved', resolved_at: at, resolved_by: ENGINE_ACTOR })
      .where('episode_id', '=', episodeId)
      .where('status', '!=', 'resolved')
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return undefined;
    await writeAudit(trx, {
      serial: row.serial,
      at,
      actor: ENGINE_ACTOR,
      action: 'resolved',
      detail: `condition no longer held; ${progress.count} events`,
    });
    return toIncident(row);
  });
}
