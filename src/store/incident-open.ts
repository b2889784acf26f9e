import type { Kysely } from 'kysely';
import { ConflictError } from '../core/index.ts';
import type { Incident } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { IMMEDIATE_TRAIL } from './engine-trail.ts';
import type { EngineTrail } from './engine-trail.ts';
import { ENGINE_ACTOR } from './incident-audit.ts';
import { toIncident, toIncidentRow } from './incident-row.ts';
import { INCIDENT_SERIAL_COUNTER } from './schema.ts';
import type { Database } from './schema.ts';
import type { NewIncident } from './store.ts';

/**
 * Opens an incident under the next serial. The serial comes from a counter row updated in this
 * transaction: the row lock queues concurrent openers (also other instances on one PostgreSQL)
 * until this one commits, and a rollback takes the serial back, so serials never skip or repeat.
 */
export function openIncident(
  db: Kysely<Database>,
  incident: NewIncident,
  trail: EngineTrail = IMMEDIATE_TRAIL,
): Promise<Incident> {
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
    await trail.add(trx, {
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
