import type { Kysely } from 'kysely';
import { ConflictError, InputError } from '../core/index.ts';
import type { Notification } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { toOutboxRow } from './outbox-row.ts';
import { sequenceCounterName, withOutboxTables } from './outbox-schema.ts';
import type { OutboxDatabase } from './outbox-schema.ts';
import type { Database } from './schema.ts';

/** Rows per INSERT: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/**
 * Writes the notifications as pending rows under their channels' next sequence numbers. Each
 * channel's counter row is stepped once per call, in channel-name order: its row lock queues
 * concurrent enqueuers (other instances too) until this transaction ends, a rollback takes the
 * numbers back, and the fixed order keeps two multi-channel enqueues from deadlocking.
 */
export function enqueueNotifications(
  db: Kysely<Database>,
  notifications: Omit<Notification, 'sequence'>[],
  at: number,
): Promise<Notification[]> {
  if (notifications.length === 0) return Promise.resolve([]);
  const perChannel = countPerChannel(notifications);
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    await refuseKnownIds(trx, notifications);
    const next = new Map<string, number>();
    for (const [channel, count] of [...perChannel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      next.set(channel, (await stepSequence(trx, channel, count)) - count + 1);
    }
    const queued = notifications.map((notification): Notification => {
      const sequence = next.get(notification.channel) ?? 0;
      next.set(notification.channel, sequence + 1);
      return { ...notification, sequence };
    });
    for (let start = 0; start < queued.length; start += CHUNK) {
      const rows = queued.slice(start, start + CHUNK).map((notification) => toOutboxRow(notification, at));
      await trx.insertInto('outbox').values(rows).execute();
    }
    return queued;
  });
}

function countPerChannel(notifications: Omit<Notification, 'sequence'>[]): Map<string, number> {
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const { id, channel } of notifications) {
    if (ids.has(id)) throw new InputError(`notification ${id} is listed twice in one enqueue`);
    ids.add(id);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

async function refuseKnownIds(
  trx: Kysely<OutboxDatabase>,
  notifications: Omit<Notification, 'sequence'>[],
): Promise<void> {
  for (let start = 0; start < notifications.length; start += CHUNK) {
    const ids = notifications.slice(start, start + CHUNK).map((notification) => notification.id);
    const known = await trx.selectFrom('outbox').select('id').where('id', 'in', ids).executeTakeFirst();
    if (known !== undefined) throw new ConflictError(`notification ${known.id} is already in the outbox`);
  }
}

/** Adds `count` to the channel's counter (creating it at 0) and returns the new value: the last number taken. */
async function stepSequence(trx: Kysely<OutboxDatabase>, channel: string, count: number): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ name: sequenceCounterName(channel), value: count })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', eb.ref('excluded.value')) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
