import type { FailureReason, Notification } from '../core/index.ts';

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Why a delivery failed: the same set as channels' `FailureReason`, which the store may not import
 * (it sits left of channels in the pipeline). The two are interchangeable.
 */
/** Why a delivery failed: the channel contract's reasons (core). */
export type OutboxFailureReason = FailureReason;

/** One notification for one channel in the durable outbox. Times are epoch milliseconds. */
export interface OutboxEntry {
  notification: Notification;
  state: OutboxState;
  /** Attempts started (a claim counts one, also when its dispatcher crashed); a person's retry resets it. */
  attempts: number;
  /** When the entry is due: pending, the next attempt; sending, the end of the lease. */
  nextAttemptAt: number;
  claimedBy?: string;
  claimedUntil?: number;
  lastError?: string;
  lastReason?: OutboxFailureReason;
  /** When the last failed attempt started (markRetry) or the entry went dead (markDead). */
  lastFailedAt?: number;
  createdAt: number;
  /** When a person last sent the dead entry back to pending (maximum ages count from here). */
  retriedAt?: number;
  sentAt?: number;
  providerMessageId?: string;
}

export interface OutboxFilter {
  channel?: string;
  /** An empty list does not filter. */
  state?: OutboxState[];
  limit?: number;
}

export interface ChannelHealth {
  channel: string;
  /** Entries waiting for their next attempt. */
  pending: number;
  /** Entries claimed by a dispatcher right now (or whose dispatcher died before its lease ended). */
  sending: number;
  /** created_at of the oldest entry not yet delivered (pending or sending). */
  oldestPendingAt?: number;
  dead: number;
  lastSentAt?: number;
  lastFailure?: { at: number; reason: OutboxFailureReason; message: string };
}

export interface OutboxRepository {
  /**
   * Enqueues notifications (in the caller's transaction, with the incident change that caused them);
   * assigns each its channel's next sequence number, gap-free per channel. Returns them with
   * sequences, in the order given. ConflictError when an id is already in the outbox. In a
   * transaction, enqueue after the incident writes (serial counter first, channel counters after: one
   * lock order for every writer, so instances never deadlock).
   */
  enqueue(notifications: Omit<Notification, 'sequence'>[], at: number): Promise<Notification[]>;
  /**
   * Claims up to `limit` due entries of one channel (pending with next_attempt_at <= now, or sending
   * whose lease ended: a crashed dispatcher's), lowest sequence first, and marks them sending with a
   * lease until now + leaseMs. Several dispatchers never claim the same entry.
   */
  claim(channel: string, worker: string, now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  /** Sending → sent. NotFoundError / ConflictError (not sending) otherwise. */
  markSent(id: string, at: number, providerMessageId?: string): Promise<void>;
  /** Sending → pending, due at `nextAttemptAt`. NotFoundError / ConflictError (not sending) otherwise. */
  markRetry(id: string, nextAttemptAt: number, reason: OutboxFailureReason, message: string): Promise<void>;
  /** Pending or sending → dead. NotFoundError / ConflictError otherwise. */
  markDead(id: string, at: number, reason: OutboxFailureReason, message: string): Promise<void>;
  /** Dead → pending now (person action), NotFoundError / ConflictError otherwise. */
  retry(id: string, at: number): Promise<OutboxEntry>;
  /** Removes a pending or dead entry (person action); its sequence number stays a visible gap. */
  drop(id: string): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Newest first. */
  list(filter?: OutboxFilter): Promise<OutboxEntry[]>;
  /** Per channel, by name: depth, oldest undelivered, dead count, last success and last failure. */
  health(): Promise<ChannelHealth[]>;
  /** Channels that have due entries at `now`, and the earliest due time of the others (for sleeping). */
  due(now: number): Promise<{ channels: string[]; nextAt?: number }>;
  /** Per incident serial (of those given that had one delivered): when its latest notification was delivered. */
  lastSent(serials: readonly number[]): Promise<Map<number, number>>;
  /** The channels told about the incident, with the provider's id of the first message each delivered. */
  toldChannels(serial: number): Promise<ToldChannel[]>;
}

export interface ToldChannel {
  channel: string;
  /** A Telegram message id, a Message-ID: what a reply refers to. */
  providerMessageId?: string;
}
