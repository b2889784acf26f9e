import { describe, expect, it } from 'vitest';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import { newIncident, progressOf } from './contract/fixtures.ts';
import { openStore } from './index.ts';
import type { Store, StoreOperations } from './store.ts';

/**
 * Engine writes, case changes and the reads and person actions between them, as a replay or the
 * live daemon mixes them. Returns what each read saw and what the store holds after.
 */
async function exercise(ops: StoreOperations) {
  const seen: unknown[] = [];
  const a = await ops.incidents.open(newIncident({ episodeId: 'a' }));
  const b = await ops.incidents.open(newIncident({ episodeId: 'b', group: { 'source.ip': '198.51.100.4' } }));
  seen.push(await ops.cases.active(0));
  await ops.cases.put(
    { id: a.serial, entities: ['source.ip=203.0.113.9'], firstSeen: 1_000, lastSeen: 5_000 },
    a.serial,
  );
  seen.push(await ops.cases.active(0));
  const both = ['source.ip=198.51.100.4', 'source.ip=203.0.113.9'];
  await ops.cases.put({ id: a.serial, entities: both, firstSeen: 1_000, lastSeen: 5_000 }, b.serial);
  // Count lines folded twice before anything reads the trail.
  await ops.incidents.progress('a', progressOf(6, 6_000));
  await ops.incidents.progress('a', progressOf(7, 7_000));
  await ops.incidents.progressMany([
    { episodeId: 'a', progress: progressOf(8, 8_000) },
    { episodeId: 'b', progress: progressOf(6, 8_000) },
  ]);
  seen.push(await ops.incidents.history(a.serial));
  await ops.cases.extend(a.serial, 9_000);
  await ops.cases.extend(a.serial, 7_000); // never shrinks
  seen.push(await ops.cases.active(8_500), await ops.cases.active(9_500));
  seen.push(byId(await ops.cases.active(0, ['source.ip=198.51.100.4', 'user.name=nobody'])));
  await ops.incidents.note(a.serial, 'alice', 9_100, 'looking');
  await ops.incidents.progress('a', progressOf(9, 9_200)); // its count line goes after the note
  await ops.escalations.start([{ serial: b.serial, route: 'oncall', startedAt: 9_000, dueAt: 9_300 }]);
  await ops.escalations.fired({ serial: b.serial, route: 'oncall', fired: 1, from: 0, dueAt: undefined }, [
    { at: 9_300, detail: 'step 1' },
  ]);
  await ops.incidents.resolveEpisode('b', 9_400, progressOf(7, 9_350));
  seen.push(await ops.cases.get(a.serial), await ops.incidents.history(b.serial));
  // A new burst goes on in an incident that is quiet (made so in this transaction), else opens.
  const c = { 'source.ip': '192.0.2.7' };
  await ops.incidents.open(newIncident({ episodeId: 'c', group: c }));
  seen.push(await ops.incidents.continueBurst(newIncident({ episodeId: 'c2', group: c })));
  await ops.incidents.resolveEpisode('c', 9_500, progressOf(6, 9_450), { manual: true });
  seen.push(await ops.incidents.continueBurst(newIncident({ episodeId: 'c2', group: c })));
  // The continued incident answers to its new episode only.
  seen.push(await ops.incidents.resolveEpisode('c', 9_520, progressOf(7, 9_510)));
  expect(await ops.incidents.progress('c', progressOf(8, 9_515))).toBeUndefined();
  seen.push(await ops.incidents.resolveEpisode('c2', 9_530, progressOf(9, 9_525)));
  await ops.incidents.reopen(b.serial, 'alice', 9_550, 'not over');
  const again = newIncident({ episodeId: 'b2', group: { 'source.ip': '198.51.100.4' } });
  seen.push(await ops.incidents.continueBurst(again));
  seen.push(await ops.incidents.progress('a', progressOf(10, 9_600)));
  // An incident put in a case, the case read (written), then the incident changed: still in it.
  const d = await ops.incidents.open(newIncident({ episodeId: 'd', group: { 'source.ip': '192.0.2.9' } }));
  await ops.cases.put(
    { id: d.serial, entities: ['source.ip=192.0.2.9'], firstSeen: 1_000, lastSeen: 5_000 },
    d.serial,
  );
  seen.push(await ops.cases.get(d.serial));
  seen.push(await ops.incidents.progress('d', progressOf(8, 9_650)));
  await ops.cases.extend(a.serial, 9_600);
  await ops.cases.put({ id: 77, entities: ['user.name=root'], firstSeen: 9_000, lastSeen: 9_700 }, a.serial);
  return seen;
}

const byId = <T extends { id: number }>(cases: T[]) => [...cases].sort((a, b) => a.id - b.id);

async function storeContent(store: Store) {
  const incidents = await store.incidents.list({ order: 'oldest' });
  const trails = await Promise.all(incidents.map((incident) => store.incidents.history(incident.serial)));
  // Read through the entity index: cases written at the end of a transaction are indexed too.
  const sharing = byId(await store.cases.active(0, ['user.name=root', 'source.ip=192.0.2.9']));
  return { incidents, trails, cases: await store.cases.list(), sharing };
}

async function run(url: string, inOneTransaction: boolean) {
  const store = await openStore(url);
  try {
    const seen = inOneTransaction ? await store.transaction(exercise) : await exercise(store);
    return { seen, stored: await storeContent(store) };
  } finally {
    await store.close();
  }
}

describe('engine writes left to the end of a store transaction', () => {
  const storeUrl = useStoreUrls('klaxon-write-behind-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, reads in the transaction and the stored result are those of writing each at once',
    async (dialect) => {
      const open = (name: string) => storeUrl(dialect, name);
      const deferred = await run(await open('deferred'), true);
      const direct = await run(await open('direct'), false);
      const trailOfA = deferred.stored.trails[0]?.map((entry) => entry.detail);
      expect(trailOfA).toEqual(['5 events', 'looking', expect.stringMatching(/^10 events, last at /)]);
      expect(deferred.stored.cases.map((c) => [c.id, c.lastSeen])).toEqual([
        [77, 9_700],
        [4, 5_000],
        [1, 9_600],
      ]);
      expect((deferred.seen.at(-1) as { caseId?: number }).caseId).toBe(4);
      const continued = deferred.seen.slice(-8, -3) as ({ serial: number; status: string } | undefined)[];
      expect(continued.map((incident) => incident?.serial)).toEqual([undefined, 3, undefined, 3, 2]);
      expect(continued[3]?.status).toBe('resolved');
      expect(deferred.stored.sharing.map((c) => c.id)).toEqual([4, 77]);
      expect(deferred).toEqual(direct);
    },
    120_000,
  );
});
