import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.ts';
import { newIncident } from './fixtures.ts';

export function describeEscalationContract(open: OpenStore): void {
  describe('escalations', () => {
    it('starts once, lists what is due, advances, ends, and writes the audit line', async () => {
      const store = await open();
      const incident = await store.incidents.open(newIncident());
      const serial = incident.serial;
      await store.escalations.start([{ serial, route: 'page', startedAt: 1_000, dueAt: 601_000 }]);
      await store.escalations.start([{ serial, route: 'page', startedAt: 5_000, dueAt: 9_000 }]);
      expect(await store.escalations.nextDueAt()).toBe(601_000);
      expect(await store.escalations.due(600_999)).toEqual([]);
      expect(await store.escalations.due(601_000)).toEqual([
        { serial, route: 'page', startedAt: 1_000, fired: 0, dueAt: 601_000 },
      ]);
      const audit = [{ at: 601_000, detail: 'escalated to step 1: sms (not acknowledged in 10 min)' }];
      const step1 = { serial, route: 'page', from: 0, fired: 1, dueAt: 1_201_000 };
      expect(await store.escalations.fired(step1, audit)).toBe(true);
      // A second instance that read the same row finds it fired already and writes nothing.
      expect(await store.escalations.fired(step1, audit)).toBe(false);
      expect(await store.escalations.list()).toEqual([
        { serial, route: 'page', startedAt: 1_000, fired: 1, dueAt: 1_201_000 },
      ]);
      const history = await store.incidents.history(serial);
      expect(history.filter((entry) => entry.action === 'escalated')).toEqual([
        { serial, at: 601_000, actor: 'klaxon', action: 'escalated', detail: audit[0]!.detail },
      ]);
      await store.escalations.fired({ serial, route: 'page', from: 1, fired: 2, dueAt: undefined }, []);
      expect(await store.escalations.list()).toEqual([]);
      expect(await store.escalations.nextDueAt()).toBeUndefined();
    });

    it('stops every route of an incident, and rolls back with its transaction', async () => {
      const store = await open();
      const { serial } = await store.incidents.open(newIncident());
      await store
        .transaction(async (tx) => {
          await tx.escalations.start([{ serial, route: 'a', startedAt: 0, dueAt: 10 }]);
          throw new Error('abort');
        })
        .catch(() => undefined);
      expect(await store.escalations.list()).toEqual([]);
      await store.escalations.start([
        { serial, route: 'a', startedAt: 0, dueAt: 10 },
        { serial, route: 'b', startedAt: 0, dueAt: 20 },
      ]);
      await store.escalations.stop(serial);
      expect(await store.escalations.list()).toEqual([]);
    });
  });
}
