import type { Kysely } from 'kysely';
import type { ParseEvidenceLine } from '../core/index.ts';
import { readHistory } from './incident-audit.ts';
import { continueIncident, resolveEpisode } from './incident-burst-end.ts';
import { openIncident } from './incident-open.ts';
import { progressEpisode, progressEpisodes } from './incident-progress.ts';
import { IMMEDIATE_WRITES } from './engine-writes.ts';
import { drainedFirst } from './write-behind.ts';
import type { WriteBehind } from './write-behind.ts';
import { applyPersonAction, noteIncident } from './incident-person-actions.ts';
import {
  countIncidents,
  findIncidentByEpisode,
  getIncident,
  incidentsBySerial,
  listIncidents,
} from './incident-queries.ts';
import { canonicalGroupKey } from './group-key.ts';
import type { Database } from './schema.ts';
import type { IncidentRepository, NewIncident } from './store.ts';

/**
 * With `behind` (a batch of engine writes in one transaction), the engine's writes leave part of
 * their work in it, and every other method has it written first. `parse`: what evidence stored as
 * its line is parsed whole with in the incidents returned (see readStoredSample).
 */
export function createIncidentRepository(
  db: Kysely<Database>,
  behind?: WriteBehind,
  parse?: ParseEvidenceLine,
): IncidentRepository {
  const writes = behind ?? { ...IMMEDIATE_WRITES, parse };
  const incidents: IncidentRepository = {
    open: (incident) => openIncident(db, incident, writes),
    expectOpens: (expected) => (behind ? prepareOpens(db, behind, expected) : Promise.resolve()),
    progress: (episodeId, progress) => progressEpisode(db, episodeId, progress, writes),
    progressMany: (updates) => progressEpisodes(db, updates, writes),
    continueBurst: (incident) => continueIncident(db, incident, writes),
    resolveEpisode: (episodeId, at, progress, options) =>
      resolveEpisode(db, episodeId, at, progress, options, writes),
    get: (serial) => getIncident(db, serial, parse),
    findByEpisode: (episodeId) => findIncidentByEpisode(db, episodeId, parse),
    list: (filter) => listIncidents(db, filter, parse),
    bySerials: (serials) => incidentsBySerial(db, serials, parse),
    count: (filter) => countIncidents(db, filter),
    acknowledge: (serial, by, at, note) =>
      applyPersonAction(
        db,
        {
          serial,
          action: 'acknowledge',
          columns: { status: 'acknowledged', acknowledged_at: at, acknowledged_by: by },
          audit:
            note === undefined
              ? { at, actor: by, action: 'acknowledged' }
              : { at, actor: by, action: 'acknowledged', detail: note },
        },
        parse,
      ),
    assign: (serial, assignee, by, at) =>
      applyPersonAction(
        db,
        {
          serial,
          action: 'assign',
          columns: { assignee },
          audit: { at, actor: by, action: 'assigned', detail: assignee },
        },
        parse,
      ),
    note: (serial, by, at, text) => noteIncident(db, serial, by, at, text, parse),
    resolve: (serial, by, at, resolution) =>
      applyPersonAction(
        db,
        {
          serial,
          action: 'resolve',
          columns: { status: 'resolved', resolved_at: at, resolved_by: by, resolution },
          audit: { at, actor: by, action: 'resolved', detail: resolution },
        },
        parse,
      ),
    reopen: (serial, by, at, reason) =>
      applyPersonAction(
        db,
        {
          serial,
          action: 'reopen',
          // Quiet from now on, so a new burst of its rule and group goes on in it (the engine's next
          // update of a burst still going on clears it).
          columns: {
            status: 'open',
            resolved_at: null,
            resolved_by: null,
            resolution: null,
            quiet_since: at,
          },
          audit:
            reason === undefined
              ? { at, actor: by, action: 'reopened' }
              : { at, actor: by, action: 'reopened', detail: reason },
        },
        parse,
      ),
    history: (serial) => readHistory(db, serial),
  };
  if (behind === undefined) return incidents;
  const drained = <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    drainedFirst(() => behind.drainAll(db), work);
  const engine = new Set([
    'open',
    'expectOpens',
    'progress',
    'progressMany',
    'continueBurst',
    'resolveEpisode',
  ]);
  const repository = Object.fromEntries(
    Object.entries(incidents).map(([name, method]) => [name, engine.has(name) ? method : drained(method)]),
  ) as unknown as IncidentRepository;
  // What this transaction wrote is answered from the rows it keeps (a replay reads back all it wrote).
  repository.bySerials = async (serials) => {
    await behind.drain(db);
    return incidentsBySerial(db, serials, parse, (serial) => behind.writtenIncident(serial));
  };
  return repository;
}

function prepareOpens(
  db: Kysely<Database>,
  behind: WriteBehind,
  expected: readonly NewIncident[],
): Promise<void> {
  const keys = expected.map((incident) => ({
    episodeId: incident.episodeId,
    ruleId: incident.ruleId,
    groupKey: canonicalGroupKey(incident.group),
  }));
  return behind.opens.prepare(db, behind.counter, keys, () => behind.known.drain(db));
}
