import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The durable outbox: one row per (notification, channel), and the last outcome per channel.
 * Per-channel sequence numbers live in `counters` (`outbox_sequence:<channel>`), created on first use.
 */
export const outboxMigration: Migration = {
  version: 2,
  name: 'outbox',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('incident_serial', 'integer')
      .addColumn('notification_json', 'text', (c) => c.notNull())
      .addColumn('sequence', 'bigint', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('pending', 'sending', 'sent', 'dead')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'bigint')
      .addColumn('last_attempt_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('last_reason', 'text')
      .addColumn('last_failed_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('retried_at', 'bigint')
      .addColumn('sent_at', 'bigint')
      .addColumn('provider_message_id', 'text')
      .addUniqueConstraint('outbox_channel_sequence', ['channel', 'sequence'])
      .execute();
    // Claims, due() and health() all read by state and channel; the due time completes the range.
    await db.schema
      .createIndex('outbox_due')
      .on('outbox')
      .columns(['state', 'channel', 'next_attempt_at'])
      .execute();
    await db.schema.createIndex('outbox_created').on('outbox').columns(['created_at']).execute();

    await db.schema
      .createTable('outbox_channels')
      .addColumn('channel', 'text', (c) => c.primaryKey())
      .addColumn('last_sent_at', 'bigint')
      .addColumn('last_failed_at', 'bigint')
      .addColumn('last_failed_reason', 'text')
      .addColumn('last_failed_message', 'text')
      .execute();
  },
};
