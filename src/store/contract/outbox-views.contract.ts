import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../core/index.ts';
import type { Store } from '../store.ts';
import type { OpenStore } from './fixtures.ts';
import { enqueueOne, newNotification } from './outbox-fixtures.ts';

/** Enqueues one entry at `at` and dead-letters it at `at + 1`. */
async function deadEntry(store: Store, channel: string, at: number): Promise<string> {
  const id = await enqueueOne(store, channel, at);
  await store.outbox.markDead(id, at + 1, 'auth', 'bot token rejected (401)');
  return id;
}

export function describeOutboxViewContract(open: OpenStore): void {
  describe('outbox person actions', () => {
    it('sends a dead entry back as pending now, with a fresh count of attempts and its last error kept', async () => {
      const store = await open();
      const id = await deadEntry(store, 'tg', 1_000);
      const retried = await store.outbox.retry(id, 50_000);
      expect(retried).toMatchObject({
        state: 'pending',
        attempts: 0,
        nextAttemptAt: 50_000,
        retriedAt: 50_000,
        lastError: 'bot token rejected (401)',
        lastReason: 'auth',
      });
      expect(await store.outbox.get(id)).toEqual(retried);
      expect(await store.outbox.claim('tg', 'w1', 50_000, 1, 1_000)).toHaveLength(1);
    });

    it('retries only dead entries', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1);
      await expect(store.outbox.retry(id, 2)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.outbox.retry(id, 2)).rejects.toThrow('it is pending, not dead');
      await expect(store.outbox.retry('nope', 2)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('drops pending and dead entries, leaving their numbers as a gap', async () => {
      const store = await open();
      const pending = await enqueueOne(store, 'tg', 1);
      const dead = await deadEntry(store, 'tg', 2);
      await store.outbox.drop(pending);
      await store.outbox.drop(dead);
      expect(await store.outbox.list()).toEqual([]);
      expect((await store.outbox.enqueue([newNotification('tg')], 3))[0]?.sequence).toBe(3);
    });

    it('refuses to drop an entry being sent or already sent, or an unknown one', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1);
      await store.outbox.claim('tg', 'w1', 1, 1, 1_000);
      await expect(store.outbox.drop(id)).rejects.toThrow('it is sending, not pending or dead');
      await store.outbox.markSent(id, 2);
      await expect(store.outbox.drop(id)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.outbox.drop('nope')).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.outbox.get(id))?.state).toBe('sent');
    });
  });

  describe('outbox views', () => {
    it('lists newest first, filtered by channel, states and limit', async () => {
      const store = await open();
      const old = await enqueueOne(store, 'tg', 1_000);
      const dead = await deadEntry(store, 'tg', 2_000);
      const mail = await enqueueOne(store, 'mail', 3_000);
      const newest = await enqueueOne(store, 'tg', 4_000);
      const ids = async (filter?: Parameters<Store['outbox']['list']>[0]) =>
        (await store.outbox.list(filter)).map((entry) => entry.notification.id);
      expect(await ids()).toEqual([newest, mail, dead, old]);
      expect(await ids({ channel: 'tg' })).toEqual([newest, dead, old]);
      expect(await ids({ channel: 'tg', state: ['pending'] })).toEqual([newest, old]);
      expect(await ids({ state: ['dead', 'sent'] })).toEqual([dead]);
      expect(await ids({ state: [], limit: 2 })).toEqual([newest, mail]);
      await expect(store.outbox.list({ limit: -1 })).rejects.toBeInstanceOf(InputError);
    });

    it('reports per channel the depth, oldest undelivered, dead count and the latest outcomes', async () => {
      const store = await open();
      expect(await store.outbox.health()).toEqual([]);
      const sending = await enqueueOne(store, 'tg', 500);
      await store.outbox.claim('tg', 'w1', 500, 1, 60_000);
      const late = await enqueueOne(store, 'tg', 600);
      await store.outbox.claim('tg', 'w1', 4_000, 1, 60_000);
      await enqueueOne(store, 'tg', 1_000);
      await enqueueOne(store, 'tg', 2_000);
      await deadEntry(store, 'tg', 9_000);
      // The failed attempt started at 4_000: older than the dead-letter at 9_001, so not the latest failure.
      await store.outbox.markRetry(late, 70_000, 'server', 'HTTP 502');
      const [first, second] = [await enqueueOne(store, 'mail', 100), await enqueueOne(store, 'mail', 100)];
      await store.outbox.claim('mail', 'w1', 100, 5, 1_000);
      await store.outbox.markSent(first, 7_000);
      await store.outbox.markSent(second, 6_000);
      expect((await store.outbox.get(sending))?.state).toBe('sending');
      expect(await store.outbox.health()).toEqual([
        { channel: 'mail', pending: 0, sending: 0, dead: 0, lastSentAt: 7_000 },
        {
          channel: 'tg',
          pending: 3,
          sending: 1,
          oldestPendingAt: 500,
          dead: 1,
          lastFailure: { at: 9_001, reason: 'auth', message: 'bot token rejected (401)' },
        },
      ]);
    });

    it('names the channels with due entries and the earliest due time of the others', async () => {
      const store = await open();
      expect(await store.outbox.due(0)).toEqual({ channels: [] });
      await enqueueOne(store, 'a', 1_000);
      await enqueueOne(store, 'b', 9_000);
      await enqueueOne(store, 'c', 1_000);
      await store.outbox.claim('c', 'w1', 1_000, 1, 6_000);
      await deadEntry(store, 'd', 1_000);
      expect(await store.outbox.due(5_000)).toEqual({ channels: ['a'], nextAt: 7_000 });
      expect(await store.outbox.due(7_000)).toEqual({ channels: ['a', 'c'], nextAt: 9_000 });
      expect(await store.outbox.due(9_000)).toEqual({ channels: ['a', 'b', 'c'] });
    });
  });
}
