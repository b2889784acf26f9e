import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

const BACKFILL_PAGE = 500;

interface CaseEntityTables {
  cases: { id: number; entities_json: string };
  case_entities: { entity: string; case_id: number };
}

/**
 * Every entity of every case, one row each, so that finding the cases about an address or an
 * account is an index lookup: case assignment and each opened incident's message ask this, and a
 * LIKE over all cases' entities_json grew with every case ever opened. Filled from the cases.
 */
export const caseEntitiesMigration: Migration = {
  version: 12,
  name: 'case-entities',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('case_entities')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('case_id', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_entities_pk', ['entity', 'case_id'])
      .execute();
    const typed = db as Kysely<CaseEntityTables>;
    for (let after = 0; ;) {
      const cases = await typed
        .selectFrom('cases')
        .select(['id', 'entities_json'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BACKFILL_PAGE)
        .execute();
      if (cases.length === 0) break;
      const rows = cases.flatMap((row) =>
        (JSON.parse(row.entities_json) as string[]).map((entity) => ({ entity, case_id: Number(row.id) })),
      );
      for (let start = 0; start < rows.length; start += BACKFILL_PAGE)
        await typed
          .insertInto('case_entities')
          .values(rows.slice(start, start + BACKFILL_PAGE))
          .onConflict((oc) => oc.doNothing())
          .execute();
      after = Number(cases[cases.length - 1]!.id);
    }
  },
};
