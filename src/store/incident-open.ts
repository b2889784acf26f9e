import type { Kysely } from 'kysely';
import { ConflictError } from '../core/index.ts';
import type { Incident } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { IMMEDIATE_WRITES } from './engine-writes.ts';
import type { EngineWrites } from './engine-writes.ts';
import { ENGINE_ACTOR } from './incident-audit.ts';
import { canonicalGroupKey } from './group-key.ts';
import type { HeldRow } from './held-row.ts';
import { toHeldIncidentRow, toIncidentRow, toWrittenIncident } from './incident-row.ts';
import type { Database, IncidentTable } from './schema.ts';
import type { SerialCounter } from './serial-counter.ts';
import type { NewIncident } from './store.ts';

/** Opens an incident under the next serial (see SerialCounter). */
export function openIncident(
  db: Kysely<Database>,
  incident: NewIncident,
  writes: EngineWrites = IMMEDIATE_WRITES,
): Promise<Incident> {
  return atomically(db, async (trx) => {
    const groupKey = canonicalGroupKey(incident.group);
    const prepared = writes.known && writes.opens?.take(incident.episodeId, incident.ruleId, groupKey);
    const serial = await writes.counter.step(trx, +1);
    let row: HeldRow;
    if (prepared) {
      row = toHeldIncidentRow(incident, serial, prepared.previous ?? undefined);
      writes.known?.insert(row);
    } else row = await insertIncident(trx, incident, serial, writes);
    writes.opens?.opened(incident.episodeId, incident.ruleId, groupKey, serial);
    await writes.trail.add(trx, {
      serial,
      at: incident.openedAt,
      actor: ENGINE_ACTOR,
      action: 'opened',
      detail: `${incident.count} events`,
    });
    return toWrittenIncident(row, writes.parse);
  });
}

/** The row in one round trip: the previous incident is a subquery, a known episode skips the insert. */
async function insertIncident(
  trx: Kysely<Database>,
  incident: NewIncident,
  serial: number,
  writes: EngineWrites,
): Promise<IncidentTable> {
  // The subquery and the conflict must see the incidents this transaction opened.
  if (writes.known?.holdsInserts) await writes.known.drain(trx);
  const row = toIncidentRow(incident, serial, undefined);
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
  if (inserted === undefined) throw await refuseKnownEpisode(trx, incident.episodeId, writes.counter);
  row.previous_serial = inserted.previous_serial === null ? null : Number(inserted.previous_serial);
  writes.known?.note(row);
  return row;
}

/** The episode has an incident already (another instance may have opened it while we waited for the counter). */
async function refuseKnownEpisode(
  trx: Kysely<Database>,
  episodeId: string,
  counter: SerialCounter,
): Promise<ConflictError> {
  await counter.step(trx, -1); // leave no gap even if the caller catches this and commits
  const existing = await trx
    .selectFrom('incidents')
    .select('serial')
    .where('episode_id', '=', episodeId)
    .executeTakeFirstOrThrow();
  return new ConflictError(`episode ${episodeId} already has incident #${existing.serial}`);
}
