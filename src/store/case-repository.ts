import type { Kysely } from 'kysely';
import type { IncidentCase } from '../core/index.ts';
import { indexEntities, readActiveSharing, toRow, toSpan } from './case-cache.ts';
import { drainedFirst } from './write-behind.ts';
import type { WriteBehind } from './write-behind.ts';
import type { CaseTable, Database } from './schema.ts';

/** A case's span and entities, as case assignment reads and writes them. */
export interface CaseSpanRow {
  id: number;
  entities: readonly string[];
  firstSeen: number;
  lastSeen: number;
}

export interface CaseRepository {
  /**
   * Cases whose activity reached `since` or later: those a new incident may join; with
   * `entities`, only those sharing one of them (the store narrows, so a long day reads few rows).
   */
  active(since: number, entities?: readonly string[]): Promise<CaseSpanRow[]>;
  /**
   * The cases an incident about `entities` may join: those active at `since` or later that share one
   * of them, in the order of their ids, each with only the entities of `entities` it has (a case may
   * hold thousands: case assignment asks only which it shares, see `join`).
   */
  candidates(since: number, entities: readonly string[]): Promise<CaseSpanRow[]>;
  /** Writes the case (new or widened) and puts incident `serial` in it. */
  put(span: CaseSpanRow, serial: number): Promise<void>;
  /**
   * Puts incident `serial` in case `id`, which takes the incident's entities it lacks and widens its
   * span to the incident's: `put` of the widened case, without the caller holding all its entities.
   */
  join(id: number, incident: Omit<CaseSpanRow, 'id'>, serial: number): Promise<void>;
  /** A member incident was seen later: the case's activity extends to `lastSeen`. */
  extend(id: number, lastSeen: number): Promise<void>;
  get(id: number): Promise<IncidentCase | undefined>;
  /** The cases with these ids that exist, by id, in two statements per 500 ids. */
  getMany(ids: readonly number[]): Promise<IncidentCase[]>;
  /** The newest cases first. */
  list(options?: { limit?: number }): Promise<IncidentCase[]>;
  /** Cases sharing any of `entities`, newest first: the incidents "about the same address". */
  sharing(entities: readonly string[], limit?: number): Promise<IncidentCase[]>;
}

/** Ids per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/**
 * With `behind` (a batch of engine writes in one transaction), active/put/extend work on its case
 * cache, and the other reads have what it keeps written first (member incidents too).
 */
export function createCaseRepository(db: Kysely<Database>, behind?: WriteBehind): CaseRepository {
  const cases = createStoredCases(db);
  if (behind === undefined) return cases;
  const cache = behind.cases;
  const drained = <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    drainedFirst(() => behind.drain(db), read);
  return {
    active: (since, entities) => cache.active(db, since, entities),
    candidates: (since, entities) => cache.candidates(db, since, entities),
    put: (span, serial) => Promise.resolve(cache.put(span, serial)),
    async join(id, incident, serial) {
      // A case the transaction has not read (case assignment finds it through `candidates`).
      if (!cache.join(id, incident, serial)) {
        cache.know(await readCase(db, id));
        cache.join(id, incident, serial);
      }
    },
    async extend(id, lastSeen) {
      if (!cache.extend(id, lastSeen)) await cases.extend(id, lastSeen);
    },
    get: drained(cases.get),
    getMany: drained(cases.getMany),
    list: drained(cases.list),
    sharing: drained(cases.sharing),
  };
}

function createStoredCases(db: Kysely<Database>): CaseRepository {
  return {
    async active(since, entities) {
      if (entities === undefined) {
        const rows = await db.selectFrom('cases').selectAll().where('last_seen', '>=', since).execute();
        return rows.map(toSpan);
      }
      if (entities.length === 0) return [];
      return (await readActiveSharing(db, since, entities)).map(toSpan);
    },
    async candidates(since, entities) {
      if (entities.length === 0) return [];
      const rows = await readActiveSharing(db, since, entities);
      return rows
        .map(toSpan)
        .sort((a, b) => a.id - b.id)
        .map((span) => {
          const has = new Set(span.entities);
          return { ...span, entities: entities.filter((entity) => has.has(entity)) };
        });
    },
    async join(id, incident, serial) {
      const span = await readCase(db, id);
      const entities = [...new Set([...span.entities, ...incident.entities])].sort();
      await writeCase(db, {
        id,
        entities,
        firstSeen: Math.min(span.firstSeen, incident.firstSeen),
        lastSeen: Math.max(span.lastSeen, incident.lastSeen),
      });
      await indexEntities(db, [{ ...span, entities: incident.entities }]);
      await setCase(db, id, serial);
    },
    async put(span, serial) {
      await writeCase(db, span);
      await indexEntities(db, [span]);
      await setCase(db, span.id, serial);
    },
    async extend(id, lastSeen) {
      await db
        .updateTable('cases')
        .set({ last_seen: lastSeen })
        .where('id', '=', id)
        .where('last_seen', '<', lastSeen)
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await withMembers(db, [row]))[0];
    },
    async getMany(ids) {
      const found: IncidentCase[] = [];
      for (let start = 0; start < ids.length; start += CHUNK) {
        const rows = await db
          .selectFrom('cases')
          .selectAll()
          .where('id', 'in', ids.slice(start, start + CHUNK))
          .orderBy('id')
          .execute();
        found.push(...(await withMembers(db, rows)));
      }
      return found;
    },
    async list(options = {}) {
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(options.limit ?? 100)
        .execute();
      return withMembers(db, rows);
    },
    async sharing(entities, limit = 20) {
      if (entities.length === 0) return [];
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .where('id', 'in', (eb) =>
          eb.selectFrom('case_entities').select('case_id').where('entity', 'in', entities),
        )
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return withMembers(db, rows);
    },
  };
}

async function readCase(db: Kysely<Database>, id: number): Promise<CaseSpanRow> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new Error(`case ${id} does not exist`);
  return toSpan(row);
}

/** Inserts the case, or sets a stored one's entities and span. */
async function writeCase(db: Kysely<Database>, span: CaseSpanRow): Promise<void> {
  const row = toRow(span);
  await db
    .insertInto('cases')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        entities_json: row.entities_json,
        first_seen: row.first_seen,
        last_seen: row.last_seen,
      }),
    )
    .execute();
}

async function setCase(db: Kysely<Database>, id: number, serial: number): Promise<void> {
  await db.updateTable('incidents').set({ case_id: id }).where('serial', '=', serial).execute();
}

async function withMembers(db: Kysely<Database>, rows: CaseTable[]): Promise<IncidentCase[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => Number(row.id));
  const members = await db
    .selectFrom('incidents')
    .select(['serial', 'case_id'])
    .where('case_id', 'in', ids)
    .orderBy('serial')
    .execute();
  return rows.map((row) => {
    const span = toSpan(row);
    const serials = members.filter((m) => Number(m.case_id) === span.id).map((m) => Number(m.serial));
    return { ...span, entities: [...span.entities], serials };
  });
}
