import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import type { OpenStore } from './fixtures.ts';
import { newNotification, notificationsFor, oneTo, sequencesByChannel } from './outbox-fixtures.ts';

const BATCHES = 15;
const ROWS = 200;

/** Claims in a loop until nothing is left, returning every id this claimer got. */
async function claimUntilEmpty(store: Store, worker: string): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const claimed = await store.outbox.claim('tg', worker, 1_000, 3, 3_600_000);
    if (claimed.length === 0) return got;
    got.push(...claimed.map((entry) => entry.notification.id));
  }
}

export function describeOutboxConcurrencyContract(open: OpenStore): void {
  describe('outbox with several instances on one database', () => {
    it('numbers gap-free per channel when two instances enqueue to two channels at once', async () => {
      const [a, b] = [await open(), await open()];
      const enqueueMany = (store: Store, channels: string[]) =>
        Promise.all(
          Array.from({ length: BATCHES }, (_, i) =>
            store.outbox.enqueue(
              channels.map((channel) => newNotification(channel)),
              i,
            ),
          ),
        );
      // Opposite channel orders: enqueues lock counters in name order, so they cannot deadlock.
      await Promise.all([enqueueMany(a, ['x', 'y']), enqueueMany(b, ['y', 'x', 'x'])]);
      expect(await sequencesByChannel(a)).toEqual({ x: oneTo(3 * BATCHES), y: oneTo(2 * BATCHES) });
    });

    it('leaves no gap when one instance rolls back while the other enqueues', async () => {
      const [a, b] = [await open(), await open()];
      const rolledBack = a.transaction(async (tx) => {
        await tx.outbox.enqueue(notificationsFor('x', 3), 1);
        throw new Error('abandon');
      });
      const committed = b.outbox.enqueue(notificationsFor('x', 2), 1);
      await expect(rolledBack).rejects.toThrow('abandon');
      expect((await committed).map((n) => n.sequence).sort()).toEqual([1, 2]);
      expect((await a.outbox.enqueue(notificationsFor('x', 1), 2))[0]?.sequence).toBe(3);
      expect(await sequencesByChannel(b)).toEqual({ x: [1, 2, 3] });
    });

    it(`never hands one entry to two claimers racing on two instances (${ROWS} entries)`, async () => {
      const [a, b] = [await open(), await open()];
      const queued = await a.outbox.enqueue(notificationsFor('tg', ROWS), 1_000);
      const perClaimer = await Promise.all([
        claimUntilEmpty(a, 'a1'),
        claimUntilEmpty(b, 'b1'),
        claimUntilEmpty(a, 'a2'),
        claimUntilEmpty(b, 'b2'),
      ]);
      const claimed = perClaimer.flat();
      expect(claimed).toHaveLength(ROWS);
      expect(new Set(claimed).size).toBe(ROWS);
      expect([...claimed].sort()).toEqual(queued.map((n) => n.id).sort());
      // The claimers really raced: both instances won some.
      expect((perClaimer[0] ?? []).length + (perClaimer[2] ?? []).length).toBeGreaterThan(0);
      expect((perClaimer[1] ?? []).length + (perClaimer[3] ?? []).length).toBeGreaterThan(0);
      expect(await a.outbox.list({ state: ['pending'] })).toEqual([]);
    });
  });
}
