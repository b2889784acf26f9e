import { describe, expect, it } from 'vitest';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import { newIncident, progressOf } from './contract/fixtures.ts';
import { openStore } from './index.ts';
import type { NewIncident, Store, StoreOperations } from './store.ts';

const at = (ip: string, episodeId: string): NewIncident =>
  newIncident({ episodeId, group: { 'source.ip': ip } });

/**
 * A batch of openings announced with `expectOpens`, mixed with what may come between them: an
 * episode the store holds already, a previous incident stored or opened in the batch, an opening
 * not announced, reads, case changes, an escalation's audit rows and updates of the new incidents.
 */
async function exercise(ops: StoreOperations, announce: boolean) {
  const seen: unknown[] = [];
  const stored = await ops.incidents.findByEpisode('stored');
  const batch = [
    at('192.0.2.1', 'p1'),
    at('192.0.2.2', 'p2'),
    at('192.0.2.1', 'p3'),
    at('192.0.2.3', 'p4'),
    at('192.0.2.4', 'p5'),
  ];
  const taken = at('192.0.2.9', 'stored');
  if (announce) await ops.incidents.expectOpens([...batch, taken]);
  const first = await ops.incidents.open(batch[0] as NewIncident);
  seen.push(first, await ops.incidents.open(batch[1] as NewIncident));
  seen.push(await ops.incidents.open(at('192.0.2.1', 'unannounced')));
  seen.push(await ops.incidents.open(batch[2] as NewIncident)); // previous: the unannounced one
  seen.push(await ops.incidents.open(taken).catch((error: Error) => error.message));
  seen.push(stored?.serial);
  await ops.cases.put(
    { id: first.serial, entities: ['source.ip=192.0.2.1'], firstSeen: 1_000, lastSeen: 5_000 },
    first.serial,
  );
  seen.push(await ops.cases.get(first.serial)); // its member written first
  seen.push(await ops.incidents.progress('p2', progressOf(8, 6_000)));
  await ops.escalations.start([{ serial: first.serial, route: 'oncall', startedAt: 5_000, dueAt: 5_100 }]);
  await ops.escalations.fired(
    { serial: first.serial, route: 'oncall', fired: 1, from: 0, dueAt: undefined },
    [{ at: 5_100, detail: 'step 1' }],
  );
  seen.push(await ops.incidents.open(batch[3] as NewIncident));
  seen.push(await ops.incidents.resolveEpisode('p4', 7_000, progressOf(9, 6_500)));
  seen.push(await ops.incidents.get(first.serial + 4));
  // Put in a case, then in another, before its row is written: the row goes in with the last.
  const fifth = await ops.incidents.open(batch[4] as NewIncident);
  const span = { entities: ['source.ip=192.0.2.4'], firstSeen: 1_000, lastSeen: 5_000 };
  await ops.cases.put({ id: fifth.serial, ...span }, fifth.serial);
  await ops.cases.put({ id: first.serial, ...span }, fifth.serial);
  seen.push(fifth);
  return seen;
}

async function run(url: string, announce: boolean) {
  const store = await openStore(url);
  try {
    await store.incidents.open(at('192.0.2.1', 'stored'));
    const seen = await store.transaction((tx) => exercise(tx, announce));
    return { seen, stored: await content(store) };
  } finally {
    await store.close();
  }
}

async function content(store: Store) {
  const incidents = await store.incidents.list({ order: 'oldest' });
  const trails = await Promise.all(incidents.map((incident) => store.incidents.history(incident.serial)));
  return { incidents, trails, cases: await store.cases.list() };
}

describe('openings announced to the store transaction (expectOpens)', () => {
  const storeUrl = useStoreUrls('klaxon-prepared-opens-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, give the incidents, previous serials, refusals and trails of opening each in the store',
    async (dialect) => {
      const announced = await run(await storeUrl(dialect, 'announced'), true);
      const plain = await run(await storeUrl(dialect, 'plain'), false);
      const incidents = announced.stored.incidents;
      expect(incidents.map((incident) => [incident.episodeId, incident.previousSerial])).toEqual([
        ['stored', undefined],
        ['p1', 1],
        ['p2', undefined],
        ['unannounced', 2],
        ['p3', 4],
        ['p4', undefined],
        ['p5', undefined],
      ]);
      expect(announced.seen[4]).toBe('episode stored already has incident #1');
      expect(incidents[1]?.caseId).toBe(2);
      expect(incidents[2]?.count).toBe(8);
      expect(incidents[5]?.status).toBe('resolved');
      expect(incidents[6]?.caseId).toBe(2);
      expect(announced.stored.trails[1]?.map((entry) => entry.action)).toContain('escalated');
      expect(announced).toEqual(plain);
    },
    120_000,
  );
});
