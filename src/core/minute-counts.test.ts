import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  addToMinute,
  capMinutes,
  countInMinute,
  shareMinutes,
  minutesAfterUpdate,
  spreadOverMinutes,
} from './minute-counts.ts';
import type { MinuteCount } from './minute-counts.ts';
import fc from 'fast-check';

const M = 60_000;
const total = (minutes: MinuteCount[]) => minutes.reduce((sum, [, n]) => sum + n, 0);

describe('minute counts', () => {
  it('adds two lists minute by minute as adding each minute of the second to the first would', () => {
    const minutes = fc
      .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 10 })
      .chain((starts) =>
        fc.tuple(...starts.map((start) => fc.tuple(fc.constant(start * M), fc.integer({ min: 1, max: 50 })))),
      );
    const list = fc.oneof(
      minutes.map((pairs) => [...pairs].sort((x, y) => x[0] - y[0]) as MinuteCount[]),
      minutes as fc.Arbitrary<MinuteCount[]>,
    );
    fc.assert(
      fc.property(list, list, fc.integer({ min: 1, max: 12 }), (a, b, max) => {
        const before = JSON.stringify([a, b]);
        const oneByOne = b.reduce(
          (sum, [minute, events]) => addToMinute(sum, minute, events, max),
          capMinutes(
            a.map(([m, n]): MinuteCount => [m, n]),
            max,
          ),
        );
        expect(addMinutes(a, b, max)).toEqual(oneByOne);
        expect(JSON.stringify([a, b])).toBe(before);
      }),
    );
  });

  it('adds to an existing minute, inserts a new one in order, and ignores nothing-new', () => {
    let minutes = addToMinute([], 5 * M + 10, 3);
    minutes = addToMinute(minutes, 5 * M + 59_999, 2);
    minutes = addToMinute(minutes, 2 * M, 4); // late, goes before
    minutes = addToMinute(minutes, 9 * M + 1, 1);
    expect(minutes).toEqual([
      [2 * M, 4],
      [5 * M, 5],
      [9 * M, 1],
    ]);
    expect(addToMinute(minutes, 9 * M, 0)).toEqual(minutes);
    expect(addToMinute(minutes, 9 * M, -3)).toEqual(minutes);
  });

  it('counts one event at a time in place, late ones in their own minute, within the cap', () => {
    const minutes: MinuteCount[] = [];
    for (const at of [5 * M + 10, 5 * M + 59_999, 2 * M, 9 * M + 1, 5 * M]) countInMinute(minutes, at, 3);
    expect(minutes).toEqual([
      [2 * M, 1],
      [5 * M, 3],
      [9 * M, 1],
    ]);
    countInMinute(minutes, 11 * M, 3);
    expect(minutes).toEqual([
      [5 * M, 4],
      [9 * M, 1],
      [11 * M, 1],
    ]);
  });

  it('leaves every copy shareMinutes made, and lists merged from it, as they were, whatever is counted after', () => {
    const at = fc.integer({ min: 0, max: 6 * M });
    fc.assert(
      fc.property(
        fc.array(fc.array(at, { maxLength: 6 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (rounds, max) => {
          const minutes: MinuteCount[] = [];
          const copies: [MinuteCount[], string][] = [];
          // An incident's earlier bursts, merged with each copy as a store does (sharing pairs).
          const earlier: MinuteCount[] = [[0, 3]];
          for (const round of rounds) {
            for (const ts of round) countInMinute(minutes, ts, max);
            const copy = shareMinutes(minutes);
            expect(copy).toEqual(minutes);
            copies.push([copy, JSON.stringify(copy)]);
            const merged = addMinutes(earlier, copy, max);
            copies.push([merged, JSON.stringify(merged)]);
          }
          for (const [copy, then] of copies) expect(JSON.stringify(copy)).toBe(then);
          expect(total(minutes)).toBe(rounds.flat().length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('caps the list by folding the oldest minutes into the oldest kept, so the total stays', () => {
    const minutes: MinuteCount[] = [1, 2, 3, 4, 5].map((i) => [i * M, i]);
    expect(
      capMinutes(
        minutes.map(([m, n]) => [m, n]),
        3,
      ),
    ).toEqual([
      [3 * M, 6],
      [4 * M, 4],
      [5 * M, 5],
    ]);
    let grown: MinuteCount[] = [];
    for (let i = 0; i < 3_000; i++) grown = addToMinute(grown, i * M, 1);
    expect(grown).toHaveLength(1_440);
    expect(grown[0]).toEqual([1_560 * M, 1_561]);
    expect(total(grown)).toBe(3_000);
  });

  it('spreads an opening count over its minutes, remainders first, capped to the latest minutes', () => {
    expect(spreadOverMinutes([], 10 * M + 5, 12 * M + 5, 7)).toEqual([
      [10 * M, 3],
      [11 * M, 2],
      [12 * M, 2],
    ]);
    expect(spreadOverMinutes([], 0, 100 * M, 4, 2)).toEqual([
      [99 * M, 2],
      [100 * M, 2],
    ]);
  });

  it('after an update adds the growth to the minute of last seen; without minutes spreads the count', () => {
    const before: MinuteCount[] = [[0, 5]];
    expect(minutesAfterUpdate(before, { count: 9, firstSeen: 0, lastSeen: 2 * M + 3 })).toEqual([
      [0, 5],
      [2 * M, 4],
    ]);
    expect(minutesAfterUpdate(undefined, { count: 4, firstSeen: 0, lastSeen: M })).toEqual([
      [0, 2],
      [M, 2],
    ]);
    expect(
      minutesAfterUpdate(before, { count: 7, firstSeen: 0, lastSeen: 3 * M, spreadFrom: 2 * M }),
    ).toEqual([
      [0, 5],
      [2 * M, 1],
      [3 * M, 1],
    ]);
  });

  it('spreads in one pass as one addToMinute per minute did (a copy of the list each), in and out of order', () => {
    /** spreadOverMinutes as it was. */
    const stepByStep = (minutes: MinuteCount[], from: number, to: number, events: number, max: number) => {
      const last = Math.floor(Math.max(from, to) / M);
      const first = Math.max(Math.floor(Math.min(from, to) / M), last - max + 1);
      const span = last - first + 1;
      let result = minutes.map(([m, n]): MinuteCount => [m, n]);
      for (let i = 0; i < span && events > 0; i++) {
        const share = Math.floor(events / span) + (i < events % span ? 1 : 0);
        result = addToMinute(result, (first + i) * M, share, max);
      }
      return result;
    };
    const minute = fc.integer({ min: 0, max: 40 });
    const pair = fc.tuple(minute, fc.integer({ min: 0, max: 9 }));
    const sorted = fc
      .uniqueArray(pair, { selector: ([m]) => m, maxLength: 12 })
      .map((pairs) => pairs.sort(([a], [b]) => a - b).map(([m, n]): MinuteCount => [m * M, n]));
    const unsorted = fc
      .array(pair, { maxLength: 8 })
      .map((pairs) => pairs.map(([m, n]): MinuteCount => [m * M + 7, n]));
    const events = fc.oneof(fc.integer({ min: -3, max: 90 }), fc.constantFrom(0.5, 2.5, Number.NaN));
    fc.assert(
      fc.property(
        fc.oneof(sorted, unsorted),
        fc.integer({ min: 0, max: 45 * M }),
        fc.integer({ min: 0, max: 45 * M }),
        events,
        fc.integer({ min: 0, max: 14 }),
        (minutes, from, to, count, max) => {
          const before = JSON.stringify(minutes);
          const expected = max === 0 && count > 0 ? undefined : stepByStep(minutes, from, to, count, max);
          if (expected !== undefined)
            expect(spreadOverMinutes(minutes, from, to, count, max)).toEqual(expected);
          expect(JSON.stringify(minutes)).toBe(before);
        },
      ),
      { numRuns: 3_000 },
    );
    // A day of minutes spread at once, onto a list holding some of them.
    const day: MinuteCount[] = [
      [5 * M, 2],
      [700 * M, 1],
    ];
    expect(spreadOverMinutes(day, 0, 2_000 * M, 5_000)).toEqual(stepByStep(day, 0, 2_000 * M, 5_000, 1_440));
  });
});
