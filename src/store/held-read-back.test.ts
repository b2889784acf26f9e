import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { StoreDialectName } from '../../test/support/store-urls.ts';
import { newIncident, progressOf, REAL_SAMPLES } from './contract/fixtures.ts';
import { readsBackAsHeld } from './held-read-back.ts';
import type { HeldRow } from './held-row.ts';
import { openStore } from './index.ts';
import { toHeldIncidentRow } from './incident-row.ts';
import type { StoreOperations } from './store.ts';
import { WriteBehind } from './write-behind.ts';

/**
 * Engine writes of every kind, cases put before and after their incident's row is written, a
 * person's action between them (the transaction then forgets the rows it kept), and an episode
 * whose id holds a lone surrogate (the drivers store U+FFFD). Returns the serials opened.
 */
async function exercise(tx: StoreOperations, dialect: StoreDialectName, earlier: number): Promise<number[]> {
  const hostile = dialect === 'sqlite' ? 'nul\0 and half \ud800' : 'half \ud800';
  const openings = [
    newIncident({ episodeId: 'a', samples: REAL_SAMPLES.slice(0, 3) }),
    newIncident({ episodeId: 'b', group: { 'source.ip': '198.51.100.4' } }),
    newIncident({ episodeId: 'c', group: { 'source.ip': '192.0.2.7' } }),
  ];
  await tx.incidents.expectOpens(openings);
  const serials: number[] = [];
  for (const opening of openings) serials.push((await tx.incidents.open(opening)).serial);
  const [a, b, c] = serials as [number, number, number];
  await tx.cases.put({ id: a, entities: ['source.ip=203.0.113.9'], firstSeen: 1_000, lastSeen: 5_000 }, a);
  await tx.incidents.progress('b', progressOf(6, 6_000));
  await tx.incidents.acknowledge(b, 'alice', 6_100, 'mine'); // rows written, then forgotten
  await tx.cases.put({ id: a, entities: ['source.ip=203.0.113.9'], firstSeen: 1_000, lastSeen: 6_000 }, c);
  await tx.incidents.progressMany([
    { episodeId: 'a', progress: progressOf(7, 7_000, { samples: undefined }) },
    { episodeId: 'b', progress: progressOf(7, 7_000) },
    { episodeId: 'earlier', progress: progressOf(8, 7_000) },
  ]);
  await tx.incidents.resolveEpisode('c', 8_000, progressOf(6, 7_900), { manual: true });
  await tx.incidents.continueBurst(newIncident({ episodeId: 'c2', group: { 'source.ip': '192.0.2.7' } }));
  await tx.incidents.resolveEpisode('a', 8_500, progressOf(8, 8_400));
  const d = await tx.incidents.open(newIncident({ episodeId: 'd', group: { 'source.ip': '192.0.2.9' } }));
  const odd = await tx.incidents.open(newIncident({ episodeId: hostile, group: { 'user.name': hostile } }));
  await tx.incidents.progress(hostile, progressOf(9, 8_600));
  return [earlier, ...serials, d.serial, odd.serial];
}

describe('a transaction reading back the incidents it wrote', () => {
  const storeUrl = useStoreUrls('klaxon-held-read-back-');
  afterEach(() => vi.restoreAllMocks());

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, makes them from the rows it keeps, as they are read after the commit',
    async (dialect) => {
      const store = await openStore(await storeUrl(dialect, 'read-back'));
      try {
        const earlier = await store.incidents.open(newIncident({ episodeId: 'earlier' }));
        const untouched = await store.incidents.open(newIncident({ episodeId: 'untouched' }));
        const written = vi.spyOn(WriteBehind.prototype, 'writtenIncident');
        const { serials, inTransaction } = await store.transaction(async (tx) => {
          const serials = [untouched.serial, ...(await exercise(tx, dialect, earlier.serial)), 999];
          return { serials, inTransaction: await tx.incidents.bySerials(serials) };
        });
        const after = await store.incidents.bySerials(serials);
        expect(after.map((incident) => incident.serial)).toEqual(serials.slice(0, -1).sort((x, y) => x - y));
        expect(JSON.stringify(inTransaction)).toBe(JSON.stringify(after));
        expect(inTransaction).toEqual(after);
        expect(after.find((incident) => incident.episodeId === 'a')?.caseId).toBe(serials[2]);
        expect(after.find((incident) => incident.episodeId === 'c2')?.caseId).toBe(serials[2]);
        expect(after.find((incident) => incident.episodeId === 'b')?.status).toBe('acknowledged');
        // Made from kept rows: a, b, c (as c2), earlier (changed after the person's action), d; read:
        // the one not changed here, the hostile one, and 999 (none).
        const made = written.mock.results.filter((result) => result.value !== undefined);
        expect(made).toHaveLength(5);
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});

describe('readsBackAsHeld', () => {
  const row = (): HeldRow => {
    const held = toHeldIncidentRow(newIncident({ group: { 'user.name': 'zoë 🙂' } }), 7, 3);
    held.samples_json = JSON.stringify(held.samples);
    held.samples = undefined;
    return held;
  };

  it('takes a written row with whole texts (surrogate pairs too) and safe whole numbers', () => {
    expect(readsBackAsHeld(row())).toBe(true);
    expect(readsBackAsHeld({ ...row(), samples_json: JSON.stringify(['half \ud800']) })).toBe(true);
  });

  it('refuses what a driver would store otherwise, and samples not made JSON yet', () => {
    expect(readsBackAsHeld({ ...row(), episode_id: 'x\ud800' })).toBe(false);
    expect(readsBackAsHeld({ ...row(), title: '\udc00x' })).toBe(false);
    expect(readsBackAsHeld({ ...row(), group_key: 'a\0b' })).toBe(false);
    expect(readsBackAsHeld({ ...row(), count: -0 })).toBe(false);
    expect(readsBackAsHeld({ ...row(), first_seen: Number.NaN })).toBe(false);
    expect(readsBackAsHeld({ ...row(), last_seen: 1.5 })).toBe(false);
    expect(readsBackAsHeld({ ...row(), opened_at: 2 ** 53 })).toBe(false);
    expect(readsBackAsHeld({ ...row(), samples_json: undefined, samples: [] })).toBe(false);
  });
});
