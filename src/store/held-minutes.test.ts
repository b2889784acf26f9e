import { describe, expect, it } from 'vitest';
import { useStoreUrls, writeThenRead } from '../../test/support/store-urls.ts';
import type { Incident, MinuteCount } from '../core/index.ts';
import { MAX_MINUTES } from '../core/index.ts';
import { newIncident } from './contract/fixtures.ts';
import type { IncidentProgress, StoreOperations } from './store.ts';

const MINUTE = 60_000;
const T0 = 28_333_334 * MINUTE;
const at = (minute: number) => T0 + minute * MINUTE;
const GROUP = { 'source.ip': '192.0.2.7' };

/** A burst of `minutes` (a pair per minute from `first`, `events` each), as the engine reports it. */
function burst(first: number, minutes: number, events = 2): IncidentProgress {
  const list: MinuteCount[] = Array.from({ length: minutes }, (_, i) => [at(first + i), events]);
  return {
    count: minutes * events,
    firstSeen: at(first),
    lastSeen: at(first + minutes - 1) + 30_000,
    samples: [],
    minutes: list,
  };
}

/**
 * A manual rule's incident that goes on over many bursts (each updated, updated again, then
 * quiet), past a day of minutes, beside an incident of a first burst only. Returns what each
 * write returned.
 */
async function exercise(ops: StoreOperations): Promise<(Incident | undefined)[]> {
  const seen: (Incident | undefined)[] = [];
  const first = burst(0, 400);
  seen.push(await ops.incidents.open(newIncident({ episodeId: 'e0', group: GROUP, ...first })));
  seen.push(await ops.incidents.open(newIncident({ episodeId: 'lone', ...burst(0, 3) })));
  seen.push(await ops.incidents.resolveEpisode('e0', at(500), first, { manual: true }));
  for (let n = 1; n <= 6; n++) {
    const start = n * 500;
    const opening = burst(start, 200);
    const episodeId = `e${n}`;
    seen.push(
      await ops.incidents.continueBurst(
        newIncident({ episodeId, group: GROUP, ...opening, openedAt: opening.lastSeen }),
      ),
    );
    seen.push(await ops.incidents.progress(episodeId, burst(start, 250)));
    seen.push(...(await ops.incidents.progressMany([{ episodeId, progress: burst(start, 300, 3) }])));
    const quiet = await ops.incidents.resolveEpisode(episodeId, at(start + 400), burst(start, 300, 3), {
      manual: true,
    });
    seen.push(quiet);
    // What a write returns is the caller's: changed, it changes nothing the store holds (these
    // minutes are the earlier bursts' of the next).
    const pair = quiet?.minuteCounts?.at(-1);
    if (pair) pair[1] += 1_000;
  }
  seen.push(await ops.incidents.progress('lone', burst(0, 4)));
  return seen;
}

async function run(url: string, inOneTransaction: boolean) {
  const { returned, stored, rows } = await writeThenRead(url, exercise, inOneTransaction);
  return { minutes: returned.map((incident) => incident?.minuteCounts), stored, rows };
}

describe('minutes held as their list until the row is written', () => {
  const storeUrl = useStoreUrls('klaxon-held-minutes-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, the rows written and the minutes returned are those of writing each change at once',
    async (dialect) => {
      const held = await run(await storeUrl(dialect, 'held'), true);
      const direct = await run(await storeUrl(dialect, 'direct'), false);
      expect(held.rows).toHaveLength(2);
      expect(JSON.stringify(held.rows)).toBe(JSON.stringify(direct.rows));
      expect(held.minutes).toEqual(direct.minutes);
      const [continued, lone] = held.stored as [Incident, Incident];
      // 400 + 6 × 300 minutes: capped at a day, the oldest folded into the first kept.
      expect(continued.minuteCounts).toHaveLength(MAX_MINUTES);
      expect(continued.minuteCounts?.reduce((sum, [, events]) => sum + events, 0)).toBe(continued.count);
      expect(continued.count).toBe(400 * 2 + 6 * 300 * 3);
      expect(continued.minuteCounts?.at(-1)).toEqual([at(3000 + 299), 3]);
      expect(lone.minuteCounts).toEqual(burst(0, 4).minutes);
    },
    120_000,
  );
});
