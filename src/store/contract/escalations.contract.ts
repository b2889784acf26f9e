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
      await store.escalations.fired(
        { serial, route: 'page', fired: 1, dueAt: 1_201_000 },
        { at: 601_000, detail: 'escalated to step 1: sms (not acknowledged in 10 min)' },
      );
      expect(await store.escalations.list()).toEqual([
        { serial, route: 'page', startedAt: 1_000, fired: 1, dueAt: 1_201_000 },
      ]);
      const history = await store.incidents.history(serial);
      expect(history.at(-1)).toMatchObject({ actor: 'klaxon', action: 'escalated', at: 601_000 });
      await store.escalations.fired({ serial, route: 'page', fired: 2, dueAt: undefined });
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
