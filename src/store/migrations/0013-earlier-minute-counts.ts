import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The minutes of an incident's earlier bursts (JSON), kept when a later burst goes on in it, so that
 * its minutes are those and the engine's of the later burst, however often its updates are written.
 * Null for incidents of one burst, and for those continued before (their minutes stay approximate).
 */
export const earlierMinuteCountsMigration: Migration = {
  version: 13,
  name: 'earlier-minute-counts',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('incidents').addColumn('earlier_minute_counts', 'text').execute();
  },
};
