import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.ts';
import { newIncident } from './fixtures.ts';

const MINUTE = 60_000;
const T0 = 28_333_334 * MINUTE; // a minute's start, in 2023

export function describeMinuteCountsContract(open: OpenStore): void {
  describe('minute counts', () => {
    it('puts each update’s new events in the minute of its last-seen time', async () => {
      const store = await open();
      const opened = await store.incidents.open(
        newIncident({ count: 5, firstSeen: T0 + 1_000, lastSeen: T0 + 20_000 }),
      );
      expect(opened.minuteCounts).toEqual([[T0, 5]]);
      const progress = (count: number, lastSeen: number) =>
        store.incidents.progress(opened.episodeId, {
          count,
          firstSeen: T0 + 1_000,
          lastSeen,
          samples: [],
        });
      await progress(8, T0 + 50_000);
      await progress(12, T0 + MINUTE + 5_000);
      const last = await progress(15, T0 + MINUTE + 59_000);

      const expected = [
        [T0, 8],
        [T0 + MINUTE, 7],
      ];
      expect(last?.minuteCounts).toEqual(expected);
      expect((await store.incidents.get(opened.serial))?.minuteCounts).toEqual(expected);

      const resolved = await store.incidents.resolveEpisode(opened.episodeId, T0 + 5 * MINUTE, {
        count: 16,
        firstSeen: T0 + 1_000,
        lastSeen: T0 + 3 * MINUTE,
        samples: [],
      });
      expect(resolved?.minuteCounts).toEqual([...expected, [T0 + 3 * MINUTE, 1]]);
    });
  });
}
