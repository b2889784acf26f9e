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

    it('takes the engine’s minutes for a first burst, and writes many updates at once as one by one', async () => {
      const store = await open();
      const episodes = ['a', 'b', 'c'];
      for (const id of episodes)
        await store.incidents.open(
          newIncident({ episodeId: id, count: 5, firstSeen: T0, lastSeen: T0 + 1_000 }),
        );
      const progress = (n: number) => ({
        count: 5 + n,
        firstSeen: T0,
        lastSeen: T0 + 2 * MINUTE,
        samples: [],
        minutes: [
          [T0, 5],
          [T0 + 2 * MINUTE, n],
        ] as [number, number][],
      });
      const many = await store.incidents.progressMany([
        { episodeId: 'a', progress: progress(1) },
        { episodeId: 'gone', progress: progress(9) },
        { episodeId: 'b', progress: progress(2) },
      ]);
      const one = await store.incidents.progress('c', progress(3));
      expect(many.map((incident) => incident?.minuteCounts)).toEqual([
        [
          [T0, 5],
          [T0 + 2 * MINUTE, 1],
        ],
        undefined,
        [
          [T0, 5],
          [T0 + 2 * MINUTE, 2],
        ],
      ]);
      expect(many[0]?.count).toBe(6);
      const trail = async (serial: number) => (await store.incidents.history(serial)).map((e) => e.detail);
      expect(await trail(many[2]!.serial)).toEqual([
        '5 events',
        '7 events, last at 2023-11-14T22:16:00.000Z',
      ]);
      expect(await trail(one!.serial)).toEqual(['5 events', '8 events, last at 2023-11-14T22:16:00.000Z']);
    });
  });
}
