import { describe, expect, it } from 'vitest';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { Incident } from '../core/index.ts';
import { newIncident, progressOf, REAL_SAMPLES } from './contract/fixtures.ts';
import { openStore } from './index.ts';
import { storedRow } from './held-row.ts';
import { toHeldIncidentRow, toIncident, toIncidentRow, toWrittenIncident } from './incident-row.ts';

/** What anyone reading an incident sees of it: its keys in order, its JSON, a copy of it. */
const seenOf = (incident: Incident) => ({
  keys: Object.keys(incident),
  json: JSON.stringify(incident),
  copy: { ...incident },
});

describe('the incident an engine write returns, its samples parsed when read', () => {
  it('reads as the incident parsed at once, and its samples can be replaced', () => {
    const row = toIncidentRow(newIncident({ samples: REAL_SAMPLES }), 7, 3);
    const eager = toIncident(row);
    expect(seenOf(toWrittenIncident(row))).toEqual(seenOf(eager));
    const written = toWrittenIncident(row);
    for (const key of ['samples', 'minuteCounts'])
      // not parsed yet
      expect(Object.getOwnPropertyDescriptor(written, key)?.get).toBeDefined();
    expect(written).toStrictEqual(eager);
    expect(written.samples).toBe(written.samples); // parsed once
    expect(written.minuteCounts).toBe(written.minuteCounts);
    expect(written.minuteCounts).toEqual(eager.minuteCounts);
    const lazy = toWrittenIncident(row);
    lazy.samples = [];
    lazy.minuteCounts = [[0, 1]];
    expect(lazy.samples).toEqual([]);
    expect(lazy.minuteCounts).toEqual([[0, 1]]);
    expect(Object.keys(lazy)).toEqual(Object.keys(eager));
    expect(toWrittenIncident(row).minuteCounts).toEqual(eager.minuteCounts); // each its own
  });

  it('of a held row (samples still their array) reads as the stored row, which it becomes', () => {
    const opening = newIncident({ samples: REAL_SAMPLES });
    const stored = toIncidentRow(opening, 7, 3);
    const held = toHeldIncidentRow(opening, 7, 3);
    expect(held.samples_json).toBeUndefined();
    expect(seenOf(toWrittenIncident(held))).toEqual(seenOf(toIncident(stored)));
    expect(JSON.stringify(storedRow(toHeldIncidentRow(opening, 7, 3)))).toBe(JSON.stringify(stored));
    expect(JSON.stringify(storedRow(held))).toBe(JSON.stringify(stored)); // its samples read first
  });

  const storeUrl = useStoreUrls('klaxon-written-incident-');
  it.each(['sqlite', 'postgres'] as const)(
    'on %s, the incidents opened, updated and resolved in a transaction are those read back after it',
    async (dialect) => {
      const store = await openStore(await storeUrl(dialect, 'written'));
      try {
        const returned = await store.transaction(async (tx) => {
          const opened = await tx.incidents.open(newIncident({ episodeId: 'a', samples: REAL_SAMPLES }));
          await tx.incidents.open(newIncident({ episodeId: 'b', group: { 'source.ip': '198.51.100.4' } }));
          const [updated] = await tx.incidents.progressMany([
            { episodeId: 'b', progress: progressOf(8, 8_000) },
          ]);
          const resolved = await tx.incidents.resolveEpisode('a', 9_000, progressOf(9, 8_500));
          return [opened, updated, resolved].map((incident) => incident && seenOf(incident));
        });
        const stored = await store.incidents.list({ order: 'oldest' });
        // Incidents read from the store are parsed at once: a damaged row fails inside the store's read.
        for (const incident of stored)
          expect(Object.getOwnPropertyDescriptor(incident, 'samples')?.get).toBeUndefined();
        const [a, b] = stored.map(seenOf);
        expect(returned[1]).toEqual(b);
        expect(returned[2]).toEqual(a);
        expect(returned[0]?.copy.samples).toEqual(REAL_SAMPLES);
        expect(JSON.parse(returned[2]?.json ?? '{}')).toMatchObject({ status: 'resolved', count: 9 });
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
