import { describe, expect, it } from 'vitest';
import type { StoreOperations } from '../store.ts';
import type { OpenStore } from './fixtures.ts';
import { newIncident } from './fixtures.ts';

/**
 * A case put, then joined by two incidents (one bringing an entity it lacks and a wider span, one
 * bringing nothing new), with what `candidates` finds along the way; case ids as 'case'.
 */
async function joinCase(ops: StoreOperations, ip: string, account: string) {
  const [first, second, third] = [
    await ops.incidents.open(newIncident({ group: { 'source.ip': ip } })),
    await ops.incidents.open(newIncident({ group: { 'source.ip': ip, 'user.name': account } })),
    await ops.incidents.open(newIncident({ group: { 'source.ip': ip } })),
  ];
  const address = `source.ip=${ip}`;
  const user = `user.name=${account}`;
  const id = first.serial;
  const found = async (since: number, entities: string[]) =>
    (await ops.cases.candidates(since, entities)).map((span) => ({
      ...span,
      id: span.id === id ? 'case' : span.id,
    }));
  await ops.cases.put({ id, entities: [address], firstSeen: 1_000, lastSeen: 5_000 }, first.serial);
  const before = await found(0, [address, user]);
  await ops.cases.join(id, { entities: [address, user], firstSeen: 500, lastSeen: 7_000 }, second.serial);
  await ops.cases.join(id, { entities: [user], firstSeen: 2_000, lastSeen: 3_000 }, third.serial);
  return {
    before,
    byAccount: await found(0, [user, 'user.name=nobody']),
    tooLate: await found(7_001, [address]),
    members: [second.serial, third.serial].map((serial) => serial - id),
    id,
  };
}

export function describeCaseContract(open: OpenStore): void {
  describe('cases', () => {
    it('keeps a case with its members, span and entities, and finds it by entity and activity', async () => {
      const store = await open();
      const first = await store.incidents.open(newIncident());
      const second = await store.incidents.open(newIncident({ group: { 'user.name': 'root' } }));
      const other = await store.incidents.open(newIncident({ group: { 'source.ip': '198.51.100.4' } }));
      await store.cases.put(
        { id: first.serial, entities: ['source.ip=203.0.113.9'], firstSeen: 1_000, lastSeen: 5_000 },
        first.serial,
      );
      await store.cases.put(
        {
          id: first.serial,
          entities: ['source.ip=203.0.113.9', 'user.name=root'],
          firstSeen: 1_000,
          lastSeen: 6_000,
        },
        second.serial,
      );
      await store.cases.put(
        { id: other.serial, entities: ['source.ip=198.51.100.4'], firstSeen: 100, lastSeen: 200 },
        other.serial,
      );
      await store.cases.extend(first.serial, 9_000);
      await store.cases.extend(first.serial, 7_000); // never shrinks

      expect(await store.cases.get(first.serial)).toEqual({
        id: first.serial,
        entities: ['source.ip=203.0.113.9', 'user.name=root'],
        firstSeen: 1_000,
        lastSeen: 9_000,
        serials: [first.serial, second.serial],
      });
      expect((await store.incidents.get(second.serial))?.caseId).toBe(first.serial);
      expect((await store.cases.active(1_000)).map((c) => c.id)).toEqual([first.serial]);
      expect((await store.cases.sharing(['user.name=root'])).map((c) => c.id)).toEqual([first.serial]);
      expect(await store.cases.sharing(['user.name=roo'])).toEqual([]);
      expect((await store.cases.list()).map((c) => c.id)).toEqual([other.serial, first.serial]);
      expect(await store.cases.get(999)).toBeUndefined();
      const many = await store.cases.getMany([other.serial, 999, first.serial]);
      expect(many).toEqual([await store.cases.get(first.serial), await store.cases.get(other.serial)]);
    });

    it('narrows active cases to those sharing an entity, exactly, whatever characters it holds', async () => {
      const store = await open();
      const entities = ['user.name=corp\\ann', 'user.name=50%_off', 'user.name=say "hi"'];
      for (const [n, entity] of entities.entries()) {
        const incident = await store.incidents.open(newIncident({ group: { 'user.name': `u${n}` } }));
        await store.cases.put(
          { id: incident.serial, entities: [entity], firstSeen: 0, lastSeen: 100 },
          incident.serial,
        );
      }
      const lookalike = await store.incidents.open(newIncident({ group: { 'user.name': 'x' } }));
      const lookalikes = [
        'user.name=corpxxann',
        'user.name=50x_off',
        'user.name=50%xoff',
        'user.name=say "HI"',
      ];
      await store.cases.put(
        { id: lookalike.serial, entities: lookalikes, firstSeen: 0, lastSeen: 100 },
        lookalike.serial,
      );

      for (const entity of entities) {
        const [found, ...more] = await store.cases.active(0, [entity, 'source.ip=192.0.2.1']);
        expect(found?.entities).toEqual([entity]);
        expect(more).toEqual([]);
        expect((await store.cases.sharing([entity])).map((c) => c.entities)).toEqual([[entity]]);
      }
      expect(await store.cases.active(0, [])).toEqual([]);
      expect(await store.cases.active(101, [entities[0] as string])).toEqual([]);
      expect(await store.cases.active(0)).toHaveLength(4);
    });

    it('joins incidents to a case, which takes the entities it lacks and the wider span, at once or in a transaction', async () => {
      const store = await open();
      const direct = await joinCase(store, '203.0.113.9', 'root');
      const held = await store.transaction((tx) => joinCase(tx, '198.51.100.4', 'admin'));
      for (const [run, ip, account] of [
        [direct, '203.0.113.9', 'root'],
        [held, '198.51.100.4', 'admin'],
      ] as const) {
        const address = `source.ip=${ip}`;
        const user = `user.name=${account}`;
        // Each candidate with the entities of those asked for that it has.
        expect(run.before).toEqual([{ id: 'case', entities: [address], firstSeen: 1_000, lastSeen: 5_000 }]);
        expect(run.byAccount).toEqual([{ id: 'case', entities: [user], firstSeen: 500, lastSeen: 7_000 }]);
        expect(run.tooLate).toEqual([]);
        expect(await store.cases.get(run.id)).toEqual({
          id: run.id,
          entities: [address, user],
          firstSeen: 500,
          lastSeen: 7_000,
          serials: [run.id, run.id + run.members[0]!, run.id + run.members[1]!],
        });
        // Found by the entity the join brought, as the store indexes it.
        expect((await store.cases.sharing([user])).map((c) => c.id)).toContain(run.id);
      }
    });
  });
}
