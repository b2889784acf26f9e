import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * `quiet_since`: the burst of a still-open incident ended then (a manual rule, or one a person
 * acknowledged). `earlier_count`: events of the earlier bursts of an incident a new burst reopened
 * into, so its count goes on from there.
 */
export const incidentLifecycleMigration: Migration = {
  version: 8,
  name: 'incident-lifecycle',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('incidents').addColumn('quiet_since', 'bigint').execute();
    await db.schema
      .alterTable('incidents')
      .addColumn('earlier_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
