import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Grouping state of routes with `group_by` (one row per aggregation group, its state as JSON),
 * and which incidents each group message listed, so the dashboard can say "sent in group with".
 */
export const notificationGroupsMigration: Migration = {
  version: 6,
  name: 'notification-groups',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('notification_groups')
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_groups_pk', ['route', 'group_key'])
      .execute();
    await db.schema
      .createTable('group_messages')
      .addColumn('serial', 'bigint', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('serials_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('group_messages_pk', ['serial', 'route', 'group_key', 'at'])
      .execute();
  },
};
