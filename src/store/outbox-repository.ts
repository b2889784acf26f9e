import type { Kysely } from 'kysely';
import type { StoreDialect } from './migrations/index.ts';
import type { OutboxRepository } from './outbox.ts';
import { claimDue } from './outbox-claim.ts';
import { enqueueNotifications } from './outbox-enqueue.ts';
import { readChannelHealth } from './outbox-health.ts';
import { markEntryDead, markEntryRetry, markEntrySent } from './outbox-marks.ts';
import { dropEntry, retryDeadEntry } from './outbox-person-actions.ts';
import { findDue, findLastSent, getEntry, listEntries } from './outbox-queries.ts';
import { findToldChannels } from './outbox-told.ts';
import type { Database } from './schema.ts';

export function createOutboxRepository(db: Kysely<Database>, dialect: StoreDialect): OutboxRepository {
  return {
    enqueue: (notifications, at) => enqueueNotifications(db, notifications, at),
    claim: (channel, worker, now, limit, leaseMs) =>
      claimDue(db, dialect, { channel, worker, now, limit, leaseMs }),
    markSent: (id, at, providerMessageId) => markEntrySent(db, id, at, providerMessageId),
    markRetry: (id, nextAttemptAt, reason, message) => markEntryRetry(db, id, nextAttemptAt, reason, message),
    markDead: (id, at, reason, message) => markEntryDead(db, id, at, reason, message),
    retry: (id, at) => retryDeadEntry(db, id, at),
    drop: (id) => dropEntry(db, id),
    get: (id) => getEntry(db, id),
    list: (filter) => listEntries(db, filter),
    health: () => readChannelHealth(db),
    due: (now) => findDue(db, now),
    lastSent: (serials) => findLastSent(db, serials),
    toldChannels: (serial) => findToldChannels(db, serial),
  };
}
