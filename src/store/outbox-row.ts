import type { Notification } from '../core/index.ts';
import type { OutboxEntry, OutboxFailureReason, OutboxState } from './outbox.ts';
import type { OutboxTable } from './outbox-schema.ts';

/** Failure messages come from peers; a bounded length keeps one chatty server from bloating rows. */
const MAX_ERROR_LENGTH = 2_000;

/** The row of a newly enqueued notification: pending and due at once. */
export function toOutboxRow(notification: Notification, at: number): OutboxTable {
  return {
    id: notification.id,
    channel: notification.channel,
    kind: notification.kind,
    incident_serial: notification.incident?.serial ?? null,
    notification_json: JSON.stringify(notification),
    sequence: notification.sequence,
    state: 'pending',
    attempts: 0,
    next_attempt_at: at,
    claimed_by: null,
    claimed_until: null,
    last_attempt_at: null,
    last_error: null,
    last_reason: null,
    last_failed_at: null,
    created_at: at,
    retried_at: null,
    sent_at: null,
    provider_message_id: null,
  };
}

export function boundErrorMessage(message: string): string {
  return message.length <= MAX_ERROR_LENGTH ? message : `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}

export function toOutboxEntry(row: OutboxTable): OutboxEntry {
  const entry: OutboxEntry = {
    notification: JSON.parse(row.notification_json) as Notification,
    state: row.state as OutboxState,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    createdAt: Number(row.created_at),
  };
  if (row.claimed_by !== null) entry.claimedBy = row.claimed_by;
  if (row.claimed_until !== null) entry.claimedUntil = Number(row.claimed_until);
  if (row.last_error !== null) entry.lastError = row.last_error;
  if (row.last_reason !== null) entry.lastReason = row.last_reason as OutboxFailureReason;
  if (row.last_failed_at !== null) entry.lastFailedAt = Number(row.last_failed_at);
  if (row.retried_at !== null) entry.retriedAt = Number(row.retried_at);
  if (row.sent_at !== null) entry.sentAt = Number(row.sent_at);
  if (row.provider_message_id !== null) entry.providerMessageId = row.provider_message_id;
  return entry;
}
