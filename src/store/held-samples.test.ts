import { describe, expect, it } from 'vitest';
import { useStoreUrls, writeThenRead } from '../../test/support/store-urls.ts';
import type { Incident, SecurityEvent } from '../core/index.ts';
import { newIncident, progressOf, REAL_SAMPLES } from './contract/fixtures.ts';
import type { StoreOperations } from './store.ts';

const [one, two, three] = REAL_SAMPLES as [SecurityEvent, SecurityEvent, SecurityEvent];

/**
 * Openings announced (held until the end of the transaction), then updates that replace, keep or
 * hand over samples, the caller changing its array after a call. Returns the incidents returned.
 */
async function exercise(ops: StoreOperations): Promise<(Incident | undefined)[]> {
  const c = { 'source.ip': '192.0.2.7' };
  const openings = [
    newIncident({ episodeId: 'a', samples: [one] }),
    newIncident({ episodeId: 'b', group: { 'source.ip': '198.51.100.4' } }),
    newIncident({ episodeId: 'c', group: c }),
  ];
  await ops.incidents.expectOpens(openings);
  const seen: (Incident | undefined)[] = [];
  for (const opening of openings) seen.push(await ops.incidents.open(opening));
  seen.push(await ops.incidents.progress('a', progressOf(6, 6_000, { samples: [one, two] })));
  expect(seen.at(-1)?.samples).toEqual([one, two]); // read before a's samples are replaced
  const given = [two, three];
  seen.push(await ops.incidents.progress('b', progressOf(6, 6_000, { samples: given })));
  given.reverse(); // the caller's array changes after the call: b keeps the samples as given
  given.push(one);
  seen.push(
    ...(await ops.incidents.progressMany([
      { episodeId: 'a', progress: progressOf(7, 7_000, { samples: [three, one] }) },
      { episodeId: 'b', progress: progressOf(7, 7_000, { samples: undefined }) },
    ])),
  );
  const quiet = progressOf(8, 7_900, { samples: [three] });
  seen.push(await ops.incidents.resolveEpisode('c', 8_000, quiet, { manual: true }));
  seen.push(await ops.incidents.continueBurst(newIncident({ episodeId: 'c2', group: c, samples: [two] })));
  seen.push(await ops.incidents.progress('c2', progressOf(9, 8_500, { samples: undefined })));
  return seen;
}

/** Read after the transaction: what a caller holding the incidents returned would see then. */
async function run(url: string, inOneTransaction: boolean) {
  const { returned, stored, rows } = await writeThenRead(url, exercise, inOneTransaction);
  return { returned: JSON.stringify(returned), stored, rows };
}

describe('samples held as their array until the row is written', () => {
  const storeUrl = useStoreUrls('klaxon-held-samples-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, the rows written and the incidents returned are those of writing each change at once',
    async (dialect) => {
      const held = await run(await storeUrl(dialect, 'held'), true);
      const direct = await run(await storeUrl(dialect, 'direct'), false);
      expect(held.rows).toHaveLength(3);
      expect(held.rows).toEqual(direct.rows);
      expect(JSON.stringify(held.rows)).toBe(JSON.stringify(direct.rows));
      expect(held.returned).toBe(direct.returned);
      const samples = held.stored.map((incident) => incident.samples);
      expect(samples).toEqual([[three, one], [two, three], [two]]);
      const returned = JSON.parse(held.returned) as Incident[];
      expect(returned.at(-1)).toEqual(held.stored[2]);
      expect(returned.at(-4)).toEqual(held.stored[1]);
    },
    120_000,
  );
});
