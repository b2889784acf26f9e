import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Escalation state of open incidents: per incident and route, how many of the route's escalation
 * firings went out and when the next is due, so a restart continues where it stood.
 */
export const escalationsMigration: Migration = {
  version: 7,
  name: 'escalations',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('incident_escalations')
      .addColumn('serial', 'bigint', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('fired', 'integer', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_escalations_pk', ['serial', 'route'])
      .execute();
    await db.schema
      .createIndex('incident_escalations_due')
      .on('incident_escalations')
      .column('due_at')
      .execute();
  },
};
