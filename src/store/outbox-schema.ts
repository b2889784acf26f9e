import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** One row per (notification, channel); `id` is the notification id. */
export interface OutboxTable {
  id: string;
  channel: string;
  kind: string;
  incident_serial: number | null;
  notification_json: string;
  sequence: number;
  state: string;
  attempts: number;
  /** Pending: the next attempt. Sending: the end of the lease, so one index finds every due row. */
  next_attempt_at: number;
  claimed_by: string | null;
  claimed_until: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  last_reason: string | null;
  last_failed_at: number | null;
  created_at: number;
  retried_at: number | null;
  sent_at: number | null;
  provider_message_id: string | null;
}

/**
 * The latest outcome per channel, kept apart from the rows (which a person may drop) and from the
 * sequence counter (locked by enqueuing transactions, which delivery must not wait for).
 */
export interface OutboxChannelTable {
  channel: string;
  last_sent_at: number | null;
  last_failed_at: number | null;
  last_failed_reason: string | null;
  last_failed_message: string | null;
}

// A type alias, not an interface: withTables wants an index-compatible record type.
export type OutboxTables = {
  outbox: OutboxTable;
  outbox_channels: OutboxChannelTable;
};

export type OutboxDatabase = Database & OutboxTables;

/** The same connection or transaction, typed with the outbox tables. */
export function withOutboxTables(db: Kysely<Database>): Kysely<OutboxDatabase> {
  return db.withTables<OutboxTables>();
}

/** The `counters` row that numbers a channel's messages. */
export function sequenceCounterName(channel: string): string {
  return `outbox_sequence:${channel}`;
}
