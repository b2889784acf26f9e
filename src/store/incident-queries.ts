import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { InputError } from '../core/index.ts';
import type { Incident, ParseEvidenceLine } from '../core/index.ts';
import { toIncident, toWrittenIncident } from './incident-row.ts';
import type { Database } from './schema.ts';
import type { IncidentFilter } from './store.ts';

export async function getIncident(
  db: Kysely<Database>,
  serial: number,
  parse: ParseEvidenceLine | undefined,
): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('serial', '=', serial).executeTakeFirst();
  return row === undefined ? undefined : toIncident(row, parse);
}

export async function findIncidentByEpisode(
  db: Kysely<Database>,
  episodeId: string,
  parse: ParseEvidenceLine | undefined,
): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  return row === undefined ? undefined : toIncident(row, parse);
}

/** Incidents matching every given criterion; an empty list of statuses or priorities does not filter. */
export async function listIncidents(
  db: Kysely<Database>,
  filter: IncidentFilter = {},
  parse?: ParseEvidenceLine,
): Promise<Incident[]> {
  checkPaging(filter);
  let query = selectMatching(db, filter).selectAll();
  if (filter.order === 'priority') query = query.orderBy('priority', 'asc').orderBy('serial', 'desc');
  else query = query.orderBy('serial', filter.order === 'oldest' ? 'asc' : 'desc');
  // Both dialects need a LIMIT before an OFFSET.
  if (filter.limit !== undefined || filter.offset !== undefined)
    query = query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER);
  if (filter.offset !== undefined) query = query.offset(filter.offset);
  const rows = await query.execute();
  return rows.map((row) => toIncident(row, parse));
}

/** Serials per statement: far below the bound-parameter limits of both dialects. */
const SERIALS_CHUNK = 500;

/**
 * See IncidentRepository.bySerials. `written`: an incident as the caller's transaction wrote it,
 * when it can tell without reading (those it cannot are read).
 */
export async function incidentsBySerial(
  db: Kysely<Database>,
  serials: readonly number[],
  parse: ParseEvidenceLine | undefined,
  written: (serial: number) => Incident | undefined = () => undefined,
): Promise<Incident[]> {
  const wanted = [...new Set(serials)].sort((a, b) => a - b);
  const found = new Map<number, Incident>();
  const unread: number[] = [];
  for (const serial of wanted) {
    const incident = written(serial);
    if (incident === undefined) unread.push(serial);
    else found.set(serial, incident);
  }
  for (let start = 0; start < unread.length; start += SERIALS_CHUNK) {
    const rows = await db
      .selectFrom('incidents')
      .selectAll()
      .where('serial', 'in', unread.slice(start, start + SERIALS_CHUNK))
      .execute();
    for (const row of rows) found.set(Number(row.serial), toWrittenIncident(row, parse));
  }
  return wanted.flatMap((serial) => found.get(serial) ?? []);
}

export async function countIncidents(db: Kysely<Database>, filter: IncidentFilter = {}): Promise<number> {
  const row = await selectMatching(db, filter)
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

function selectMatching(db: Kysely<Database>, filter: IncidentFilter) {
  let query = db.selectFrom('incidents');
  if (filter.status !== undefined && filter.status.length > 0)
    query = query.where('status', 'in', filter.status);
  if (filter.priority !== undefined && filter.priority.length > 0)
    query = query.where('priority', 'in', filter.priority);
  if (filter.ruleId !== undefined) query = query.where('rule_id', '=', filter.ruleId);
  if (filter.openedFrom !== undefined) query = query.where('opened_at', '>=', filter.openedFrom);
  if (filter.serialFrom !== undefined) query = query.where('serial', '>=', filter.serialFrom);
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const pattern = `%${escapeLike(filter.q.trim().toLowerCase())}%`;
    query = query.where(sql<boolean>`group_values like ${pattern} escape '\\'`);
  }
  return query;
}

/** `%`, `_` and the escape character itself match only themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function checkPaging(filter: IncidentFilter): void {
  for (const key of ['limit', 'offset'] as const) {
    const value = filter[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new InputError(`incident list ${key} must be a whole number of at least 0, not ${value}`);
    }
  }
}
