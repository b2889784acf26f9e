import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.ts';

export function describeNotificationGroupContract(open: OpenStore): void {
  describe('notification groups', () => {
    it('saves groups, replaces one saved again, removes one, and lists what is left', async () => {
      const store = await open();
      expect(await store.notificationGroups.list()).toEqual([]);
      await store.notificationGroups.save(
        [
          { route: 'page', key: 'page:{rule="a"}', state: '{"v":1}' },
          { route: 'page', key: 'page:{rule="b"}', state: '{"v":2}' },
        ],
        1_000,
      );
      await store.notificationGroups.save(
        [{ route: 'page', key: 'page:{rule="a"}', state: '{"v":3}' }],
        2_000,
      );
      await store.notificationGroups.remove([{ route: 'page', key: 'page:{rule="b"}' }]);
      expect(await store.notificationGroups.list()).toEqual([
        { route: 'page', key: 'page:{rule="a"}', state: '{"v":3}' },
      ]);
    });

    it('keeps group state written in a transaction that rolled back out', async () => {
      const store = await open();
      await store
        .transaction(async (tx) => {
          await tx.notificationGroups.save([{ route: 'r', key: 'k', state: '{}' }], 1);
          throw new Error('abort');
        })
        .catch(() => undefined);
      expect(await store.notificationGroups.list()).toEqual([]);
    });

    it('tells for an incident which group messages listed it, newest first, once each', async () => {
      const store = await open();
      await store.notificationGroups.recordMessage({
        route: 'page',
        key: 'k',
        serials: [3, 4, 5],
        at: 1_000,
      });
      await store.notificationGroups.recordMessage({
        route: 'page',
        key: 'k',
        serials: [3, 4, 5, 6],
        at: 5_000,
      });
      await store.notificationGroups.recordMessage({
        route: 'page',
        key: 'k',
        serials: [3, 4, 5, 6],
        at: 5_000,
      });
      expect(await store.notificationGroups.messagesOf(4)).toEqual([
        { route: 'page', key: 'k', serials: [3, 4, 5, 6], at: 5_000 },
        { route: 'page', key: 'k', serials: [3, 4, 5], at: 1_000 },
      ]);
      expect(await store.notificationGroups.messagesOf(9)).toEqual([]);
    });
  });
}
