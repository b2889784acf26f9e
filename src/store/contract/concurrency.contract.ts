import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../core/index.ts';
import type { Store } from '../store.ts';
import { newIncident } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';

const PER_INSTANCE = 25;

async function openMany(store: Store, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      store.incidents.open(newIncident()).then((incident) => incident.serial),
    ),
  );
}

export function describeConcurrencyContract(open: OpenStore): void {
  describe('several instances on one database', () => {
    it('hands out gap-free serials to two instances opening incidents at the same time', async () => {
      const [a, b] = [await open(), await open()];
      const [fromA, fromB] = await Promise.all([openMany(a, PER_INSTANCE), openMany(b, PER_INSTANCE)]);
      const all = [...fromA, ...fromB].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 2 * PER_INSTANCE }, (_, i) => i + 1));
      expect((await b.incidents.list({ order: 'oldest' })).map((incident) => incident.serial)).toEqual(all);
    });

    it('keeps serials gap-free when transactions of two instances interleave and one rolls back', async () => {
      const [a, b] = [await open(), await open()];
      const rolledBack = a.transaction(async (tx) => {
        await tx.incidents.open(newIncident());
        throw new Error('abandon');
      });
      const committed = b.transaction(async (tx) => [
        await tx.incidents.open(newIncident()),
        await tx.incidents.open(newIncident()),
      ]);
      await expect(rolledBack).rejects.toThrow('abandon');
      expect((await committed).map((incident) => incident.serial).sort()).toEqual([1, 2]);
      expect((await a.incidents.open(newIncident())).serial).toBe(3);
    });

    it('lets exactly one of two connections acknowledge one incident', async () => {
      const [a, b] = [await open(), await open()];
      for (let serial = 1; serial <= 5; serial++) {
        await a.incidents.open(newIncident());
        const outcomes = await Promise.allSettled([
          a.incidents.acknowledge(serial, 'alice', 1_000),
          b.incidents.acknowledge(serial, 'bob', 1_000),
        ]);
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const winner = (await a.incidents.get(serial))?.acknowledgedBy;
        expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
        expect(String(lost[0]?.reason.message)).toBe(
          `incident #${serial} is already acknowledged by ${winner}`,
        );
        expect(
          (await b.incidents.history(serial)).filter((entry) => entry.action === 'acknowledged'),
        ).toHaveLength(1);
      }
    });

    it('lets exactly one of two connections resolve one incident', async () => {
      const [a, b] = [await open(), await open()];
      await a.incidents.open(newIncident());
      const outcomes = await Promise.allSettled([
        a.incidents.resolve(1, 'alice', 1_000, 'mine'),
        b.incidents.resolve(1, 'bob', 1_000, 'mine'),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    });

    it('counts every suppression added by two instances at once', async () => {
      const [a, b] = [await open(), await open()];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).suppressions.add('ssh-brute-force-source', 'cooldown', 2),
        ),
      );
      expect(await a.suppressions.totals()).toEqual([
        { ruleId: 'ssh-brute-force-source', reason: 'cooldown', count: 40 },
      ]);
    });
  });

  describe('migrations', () => {
    it('opens a database two instances migrate at the same time', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      await a.incidents.open(newIncident());
      expect((await b.incidents.get(1))?.serial).toBe(1);
    });

    it('opens an already migrated database again and keeps its data', async () => {
      const first = await open();
      await first.incidents.open(newIncident());
      await first.checkpoints.save('position', '42', 1);
      await first.close();
      const again = await open();
      expect((await again.incidents.get(1))?.serial).toBe(1);
      expect(await again.checkpoints.load('position')).toEqual({ data: '42', at: 1 });
      expect((await again.incidents.open(newIncident())).serial).toBe(2);
    });
  });
}
