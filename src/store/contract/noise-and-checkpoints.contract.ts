import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../core/index.ts';
import type { NewSilence } from '../store.ts';
import type { OpenStore } from './fixtures.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function silence(startsAt: number, endsAt: number): NewSilence {
  return {
    matchers: [
      { field: 'rule', value: 'ssh-brute-force-source' },
      { field: 'source.ip', value: '203\\.0\\.113\\..*', regex: true },
    ],
    startsAt,
    endsAt,
    createdBy: 'alice',
    comment: 'pen test from our red team',
  };
}

export function describeNoiseAndCheckpointContract(open: OpenStore): void {
  describe('silences', () => {
    it('adds a silence under a random UUID and reads it back', async () => {
      const store = await open();
      const added = await store.silences.add(silence(1_000, 2_000), 500);
      const other = await store.silences.add(silence(1_000, 2_000), 500);
      expect(added.id).toMatch(UUID);
      expect(other.id).not.toBe(added.id);
      expect(added).toEqual({ ...silence(1_000, 2_000), id: added.id, createdAt: 500 });
      expect(await store.silences.get(added.id)).toEqual(added);
      expect(await store.silences.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('is in force from its start, inclusive, to its end, exclusive', async () => {
      const store = await open();
      await store.silences.add(silence(1_000, 2_000), 500);
      const activeAt = async (at: number) => (await store.silences.list({ activeAt: at })).length;
      expect([
        await activeAt(999),
        await activeAt(1_000),
        await activeAt(1_999),
        await activeAt(2_000),
      ]).toEqual([0, 1, 1, 0]);
    });

    it('ends at the moment it is expired, and still shows as active before that moment', async () => {
      const store = await open();
      const added = await store.silences.add(silence(1_000, 2_000), 500);
      const expired = await store.silences.expire(added.id, 'bob', 1_500);
      expect(expired).toEqual({ ...added, expiredAt: 1_500, expiredBy: 'bob' });
      expect(await store.silences.list({ activeAt: 1_499 })).toEqual([expired]);
      expect(await store.silences.list({ activeAt: 1_500 })).toEqual([]);
      expect(await store.silences.list()).toEqual([expired]);
    });

    it('lists every silence, in force or not, when no time is given', async () => {
      const store = await open();
      await store.silences.add(silence(1_000, 2_000), 1);
      await store.silences.add(silence(5_000, 6_000), 2);
      expect((await store.silences.list()).map((s) => s.startsAt)).toEqual([1_000, 5_000]);
      expect((await store.silences.list({ activeAt: 5_500 })).map((s) => s.startsAt)).toEqual([5_000]);
    });

    it('refuses to expire a silence twice, one that has ended, or one that does not exist', async () => {
      const store = await open();
      const added = await store.silences.add(silence(1_000, 2_000), 500);
      await store.silences.expire(added.id, 'bob', 1_500);
      await expect(store.silences.expire(added.id, 'carol', 1_600)).rejects.toThrow(
        `silence ${added.id} was already expired by bob`,
      );
      const ended = await store.silences.add(silence(1_000, 2_000), 500);
      await expect(store.silences.expire(ended.id, 'carol', 2_000)).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.silences.expire('00000000-0000-4000-8000-000000000000', 'carol', 1),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a silence without matchers or that ends before it starts', async () => {
      const store = await open();
      await expect(store.silences.add({ ...silence(1_000, 2_000), matchers: [] }, 1)).rejects.toBeInstanceOf(
        InputError,
      );
      await expect(store.silences.add(silence(2_000, 2_000), 1)).rejects.toThrow('must end after it starts');
      expect(await store.silences.list()).toEqual([]);
    });
  });

  describe('suppression counters', () => {
    it('adds up counts per rule and reason and lists the totals sorted', async () => {
      const store = await open();
      await store.suppressions.add('ssh-brute-force-source', 'silenced', 3);
      await store.suppressions.add('password-spraying', 'cooldown', 1);
      await store.suppressions.add('ssh-brute-force-source', 'cooldown', 2);
      await store.suppressions.add('ssh-brute-force-source', 'silenced', 4);
      await store.suppressions.add('ssh-brute-force-source', 'flapping', 0);
      expect(await store.suppressions.totals()).toEqual([
        { ruleId: 'password-spraying', reason: 'cooldown', count: 1 },
        { ruleId: 'ssh-brute-force-source', reason: 'cooldown', count: 2 },
        { ruleId: 'ssh-brute-force-source', reason: 'silenced', count: 7 },
      ]);
    });

    it('refuses a negative count', async () => {
      const store = await open();
      await expect(store.suppressions.add('r', 'cooldown', -1)).rejects.toBeInstanceOf(InputError);
    });
  });

  describe('checkpoints', () => {
    it('saves a checkpoint, replaces it on the next save, and answers undefined for an unknown name', async () => {
      const store = await open();
      expect(await store.checkpoints.load('file:/var/log/auth.log')).toBeUndefined();
      await store.checkpoints.save('file:/var/log/auth.log', '{"offset":100}', 1_000);
      await store.checkpoints.save('detection', 'windows-v1', 1_000);
      await store.checkpoints.save('file:/var/log/auth.log', '{"offset":250}', 2_000);
      expect(await store.checkpoints.load('file:/var/log/auth.log')).toEqual({
        data: '{"offset":250}',
        at: 2_000,
      });
      expect(await store.checkpoints.load('detection')).toEqual({ data: 'windows-v1', at: 1_000 });
    });
  });
}
