import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../core/index.ts';
import { newIncident } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';

const SILENCE = {
  matchers: [{ field: 'rule', value: 'ssh-brute-force-source' }],
  startsAt: 0,
  endsAt: 10_000,
  createdBy: 'alice',
  comment: 'maintenance',
};

export function describeTransactionContract(open: OpenStore): void {
  describe('transactions', () => {
    it('commits every write of a transaction together and returns what the work returned', async () => {
      const store = await open();
      const result = await store.transaction(async (tx) => {
        const first = await tx.incidents.open(newIncident());
        const second = await tx.incidents.open(newIncident());
        await tx.incidents.acknowledge(first.serial, 'alice', 9_000);
        await tx.checkpoints.save('detection', '{"windows":[]}', 9_000);
        await tx.suppressions.add('ssh-brute-force-source', 'cooldown', 3);
        return [first.serial, second.serial];
      });
      expect(result).toEqual([1, 2]);
      expect((await store.incidents.list()).map((incident) => [incident.serial, incident.status])).toEqual([
        [2, 'open'],
        [1, 'acknowledged'],
      ]);
      expect(await store.checkpoints.load('detection')).toEqual({ data: '{"windows":[]}', at: 9_000 });
      expect(await store.suppressions.totals()).toEqual([
        { ruleId: 'ssh-brute-force-source', reason: 'cooldown', count: 3 },
      ]);
    });

    it('leaves nothing behind when the work throws, rethrows that error, and leaves no serial gap', async () => {
      const store = await open();
      await store.incidents.open(newIncident());
      const boom = new Error('boom');
      const failed = store.transaction(async (tx) => {
        await tx.incidents.open(newIncident());
        await tx.incidents.open(newIncident());
        await tx.incidents.note(1, 'alice', 9_000, 'written, then rolled back');
        await tx.incidents.resolve(1, 'alice', 9_000, 'rolled back too');
        await tx.checkpoints.save('detection', 'state', 9_000);
        await tx.suppressions.add('ssh-brute-force-source', 'silenced', 4);
        await tx.silences.add(SILENCE, 9_000);
        throw boom;
      });
      await expect(failed).rejects.toBe(boom);
      expect((await store.incidents.list()).map((incident) => [incident.serial, incident.status])).toEqual([
        [1, 'open'],
      ]);
      expect((await store.incidents.history(1)).map((entry) => entry.action)).toEqual(['opened']);
      expect(await store.checkpoints.load('detection')).toBeUndefined();
      expect(await store.suppressions.totals()).toEqual([]);
      expect(await store.silences.list()).toEqual([]);
      expect((await store.incidents.open(newIncident())).serial).toBe(2);
    });

    it('rolls back when a store refusal inside the transaction is not caught', async () => {
      const store = await open();
      const failed = store.transaction(async (tx) => {
        await tx.incidents.open(newIncident());
        await tx.incidents.acknowledge(99, 'alice', 1);
      });
      await expect(failed).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.incidents.list()).toEqual([]);
      expect((await store.incidents.open(newIncident())).serial).toBe(1);
    });

    it('leaves no serial gap when a refused open is caught and the transaction commits', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      await store.transaction(async (tx) => {
        await expect(tx.incidents.open(input)).rejects.toThrow('already has incident #1');
        await tx.checkpoints.save('after', 'ok', 1);
      });
      expect((await store.incidents.open(newIncident())).serial).toBe(2);
      expect(await store.checkpoints.load('after')).toEqual({ data: 'ok', at: 1 });
    });
  });
}
