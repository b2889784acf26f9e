import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** The Sigma rule an incident's rule was compiled from (JSON), for messages and the incident page. */
export const incidentSigmaMigration: Migration = {
  version: 11,
  name: 'incident-sigma',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('incidents').addColumn('sigma_json', 'text').execute();
  },
};
