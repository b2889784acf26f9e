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
    it('adds the engine’s minutes of a later burst to the earlier bursts’, however often it is written', async () => {
      const store = await open();
      const at = (minute: number) => T0 + minute * MINUTE;
      const first = await store.incidents.open(
        newIncident({ count: 5, firstSeen: at(0), lastSeen: at(0), minutes: [[at(0), 5]] }),
      );
      const quiet = await store.incidents.resolveEpisode(
        first.episodeId,
        at(5),
        {
          count: 7,
          firstSeen: at(0),
          lastSeen: at(1),
          samples: [],
          minutes: [
            [at(0), 5],
            [at(1), 2],
          ],
        },
        { manual: true },
      );
      const earlier: [number, number][] = [
        [at(0), 5],
        [at(1), 2],
      ];
      expect(quiet?.minuteCounts).toEqual(earlier);
      const burst = (count: number, minutes: [number, number][]) => ({
        count,
        firstSeen: at(10),
        lastSeen: (minutes.at(-1) as [number, number])[0],
        samples: [],
        minutes,
      });
      const continued = await store.incidents.continueBurst(
        newIncident({ episodeId: 'again', ...burst(3, [[at(10), 3]]), openedAt: at(10) }),
      );
      expect(continued?.minuteCounts).toEqual([...earlier, [at(10), 3]]);
      // A first update written, a second that supersedes one never written, then the burst ends.
      await store.incidents.progress(
        'again',
        burst(6, [
          [at(10), 3],
          [at(11), 3],
        ]),
      );
      const [updated] = await store.incidents.progressMany([
        {
          episodeId: 'again',
          progress: burst(10, [
            [at(10), 4],
            [at(11), 4],
            [at(12), 2],
          ]),
        },
      ]);
      const expected = [...earlier, [at(10), 4], [at(11), 4], [at(12), 2]];
      expect(updated?.minuteCounts).toEqual(expected);
      expect(updated?.count).toBe(17);
      const ended = await store.incidents.resolveEpisode(
        'again',
        at(20),
        burst(11, [
          [at(10), 4],
          [at(11), 4],
          [at(12), 3],
        ]),
        { manual: true },
      );
      expect(ended?.minuteCounts).toEqual([...earlier, [at(10), 4], [at(11), 4], [at(12), 3]]);
      expect((await store.incidents.get(first.serial))?.minuteCounts).toEqual(ended?.minuteCounts);
    });
  });
}
