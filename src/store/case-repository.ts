import type { Kysely } from 'kysely';
import type { IncidentCase } from '../core/index.ts';
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
  /** Writes the case (new or widened) and puts incident `serial` in it. */
  put(span: CaseSpanRow, serial: number): Promise<void>;
  /** A member incident was seen later: the case's activity extends to `lastSeen`. */
  extend(id: number, lastSeen: number): Promise<void>;
  get(id: number): Promise<IncidentCase | undefined>;
  /** The newest cases first. */
  list(options?: { limit?: number }): Promise<IncidentCase[]>;
  /** Cases sharing any of `entities`, newest first: the incidents "about the same address". */
  sharing(entities: readonly string[], limit?: number): Promise<IncidentCase[]>;
}

export function createCaseRepository(db: Kysely<Database>): CaseRepository {
  return {
    async active(since, entities) {
      if (entities === undefined) {
        const rows = await db.selectFrom('cases').selectAll().where('last_seen', '>=', since).execute();
        return rows.map(toSpan);
      }
      if (entities.length === 0) return [];
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .where('last_seen', '>=', since)
        .where('id', 'in', (eb) =>
          eb.selectFrom('case_entities').select('case_id').where('entity', 'in', entities),
        )
        .execute();
      return rows.map(toSpan);
    },
    async put(span, serial) {
      const row: CaseTable = {
        id: span.id,
        entities_json: JSON.stringify(span.entities),
        first_seen: span.firstSeen,
        last_seen: span.lastSeen,
      };
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
      if (span.entities.length > 0)
        await db
          .insertInto('case_entities')
          .values(span.entities.map((entity) => ({ entity, case_id: span.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      await db.updateTable('incidents').set({ case_id: span.id }).where('serial', '=', serial).execute();
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

function toSpan(row: CaseTable): CaseSpanRow {
  return {
    id: Number(row.id),
    entities: JSON.parse(row.entities_json) as string[],
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
  };
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
