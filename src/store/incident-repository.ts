import type { Kysely } from 'kysely';
import { readHistory } from './incident-audit.ts';
import { continueIncident, resolveEpisode } from './incident-burst-end.ts';
import { openIncident } from './incident-open.ts';
import { progressEpisode, progressEpisodes } from './incident-progress.ts';
import type { DeferredTrail } from './engine-trail.ts';
import { IMMEDIATE_TRAIL } from './engine-trail.ts';
import { drainedFirst } from './write-behind.ts';
import { applyPersonAction, noteIncident } from './incident-person-actions.ts';
import { countIncidents, findIncidentByEpisode, getIncident, listIncidents } from './incident-queries.ts';
import type { Database } from './schema.ts';
import type { IncidentRepository } from './store.ts';

/**
 * With `deferred` (a batch of engine writes in one transaction), the engine's audit rows wait in
 * it, and the person actions and the history write them first.
 */
export function createIncidentRepository(db: Kysely<Database>, deferred?: DeferredTrail): IncidentRepository {
  const trail = deferred ?? IMMEDIATE_TRAIL;
  const incidents: IncidentRepository = {
    open: (incident) => openIncident(db, incident, trail),
    progress: (episodeId, progress) => progressEpisode(db, episodeId, progress, trail),
    progressMany: (updates) => progressEpisodes(db, updates, trail),
    continueBurst: (incident) => continueIncident(db, incident, trail),
    resolveEpisode: (episodeId, at, progress, options) =>
      resolveEpisode(db, episodeId, at, progress, options, trail),
    get: (serial) => getIncident(db, serial),
    findByEpisode: (episodeId) => findIncidentByEpisode(db, episodeId),
    list: (filter) => listIncidents(db, filter),
    count: (filter) => countIncidents(db, filter),
    acknowledge: (serial, by, at, note) =>
      applyPersonAction(db, {
        serial,
        action: 'acknowledge',
        columns: { status: 'acknowledged', acknowledged_at: at, acknowledged_by: by },
        audit:
          note === undefined
            ? { at, actor: by, action: 'acknowledged' }
            : { at, actor: by, action: 'acknowledged', detail: note },
      }),
    assign: (serial, assignee, by, at) =>
      applyPersonAction(db, {
        serial,
        action: 'assign',
        columns: { assignee },
        audit: { at, actor: by, action: 'assigned', detail: assignee },
      }),
    note: (serial, by, at, text) => noteIncident(db, serial, by, at, text),
    resolve: (serial, by, at, resolution) =>
      applyPersonAction(db, {
        serial,
        action: 'resolve',
        columns: { status: 'resolved', resolved_at: at, resolved_by: by, resolution },
        audit: { at, actor: by, action: 'resolved', detail: resolution },
      }),
    reopen: (serial, by, at, reason) =>
      applyPersonAction(db, {
        serial,
        action: 'reopen',
        // Quiet from now on, so a new burst of its rule and group goes on in it (the engine's next
        // update of a burst still going on clears it).
        columns: { status: 'open', resolved_at: null, resolved_by: null, resolution: null, quiet_since: at },
        audit:
          reason === undefined
            ? { at, actor: by, action: 'reopened' }
            : { at, actor: by, action: 'reopened', detail: reason },
      }),
    history: (serial) => readHistory(db, serial),
  };
  if (deferred === undefined) return incidents;
  const drained = <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    drainedFirst(() => deferred.drain(db), work);
  const { acknowledge, assign, note, resolve, reopen, history } = incidents;
  return {
    ...incidents,
    ...{ acknowledge: drained(acknowledge), assign: drained(assign), note: drained(note) },
    ...{ resolve: drained(resolve), reopen: drained(reopen), history: drained(history) },
  };
}
