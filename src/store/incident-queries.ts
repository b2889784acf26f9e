import type { Kysely } from 'kysely';
import { InputError } from '../core/index.ts';
import type { Incident } from '../core/index.ts';
import { toIncident } from './incident-row.ts';
import type { Database } from './schema.ts';
import type { IncidentFilter } from './store.ts';

export async function getIncident(db: Kysely<Database>, serial: number): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('serial', '=', serial).executeTakeFirst();
  return row === undefined ? undefined : toIncident(row);
}

export async function findIncidentByEpisode(
  db: Kysely<Database>,
  episodeId: string,
): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  return row === undefined ? undefined : toIncident(row);
}

/** Incidents matching every given criterion; an empty list of statuses or priorities does not filter. */
export async function listIncidents(db: Kysely<Database>, filter: IncidentFilter = {}): Promise<Incident[]> {
  checkPaging(filter);
  let query = db.selectFrom('incidents').selectAll();
  if (filter.status !== undefined && filter.status.length > 0)
    query = query.where('status', 'in', filter.status);
  if (filter.priority !== undefined && filter.priority.length > 0)
    query = query.where('priority', 'in', filter.priority);
  if (filter.ruleId !== undefined) query = query.where('rule_id', '=', filter.ruleId);
  query = query.orderBy('serial', filter.order === 'oldest' ? 'asc' : 'desc');
  // Both dialects need a LIMIT before an OFFSET.
  if (filter.limit !== undefined || filter.offset !== undefined)
    query = query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER);
  if (filter.offset !== undefined) query = query.offset(filter.offset);
  const rows = await query.execute();
  return rows.map(toIncident);
}

function checkPaging(filter: IncidentFilter): void {
  for (const key of ['limit', 'offset'] as const) {
    const value = filter[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new InputError(`incident list ${key} must be a whole number of at least 0, not ${value}`);
    }
  }
}
