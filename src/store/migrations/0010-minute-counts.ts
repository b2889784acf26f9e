import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** Each incident's matching events per minute (JSON), for the incident page's attempts chart. */
export const minuteCountsMigration: Migration = {
  version: 10,
  name: 'minute-counts',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('incidents').addColumn('minute_counts', 'text').execute();
  },
};
