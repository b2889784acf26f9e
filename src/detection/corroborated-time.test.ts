import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { CorroboratedTime } from './corroborated-time.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);
const SECOND = 1000;
const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** Runs timestamps through the guard; returns [original, handed-on time, future] in output order. */
function guard(times: number[]): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  const time = new CorroboratedTime();
  const emit = (event: SecurityEvent, ts: number, future: boolean) =>
    out.push([Date.parse(event['@timestamp']), ts, future]);
  for (const ts of times) time.push({ '@timestamp': new Date(ts).toISOString(), event: {} }, ts, emit);
  time.end(emit);
  return out;
}

describe('event time without a wall clock (replay)', () => {
  it('hands an outlier a year ahead on at the time of the event before it, as future', () => {
    const times = [T0, T0 + SECOND, T0 + YEAR, T0 + 2 * SECOND, T0 + 3 * SECOND, T0 + 4 * SECOND];
    expect(guard(times)).toEqual([
      [T0, T0, false],
      [T0 + SECOND, T0 + SECOND, false],
      [T0 + YEAR, T0 + SECOND, true],
      [T0 + 2 * SECOND, T0 + 2 * SECOND, false],
      [T0 + 3 * SECOND, T0 + 3 * SECOND, false],
      [T0 + 4 * SECOND, T0 + 4 * SECOND, false],
    ]);
  });

  it('does not trust the first event of the input more than the next ones', () => {
    const times = [T0 + YEAR, T0, T0 + SECOND, T0 + 2 * SECOND, T0 + 3 * SECOND];
    const out = guard(times);
    expect(out[0]).toEqual([T0 + YEAR, T0, true]);
    expect(out.slice(1).every(([original, ts, future]) => original === ts && !future)).toBe(true);
  });

  it('follows a real gap of days, even when the events after it are sparse', () => {
    const times = [T0, T0 + SECOND, T0 + 3 * DAY, T0 + 3 * DAY + 20 * 60_000, T0 + 4 * DAY, T0 + 6 * DAY];
    expect(guard(times)).toEqual(times.map((ts) => [ts, ts, false]));
  });

  it('believes a jump at the very end of the input, which nothing contradicts', () => {
    expect(guard([T0, T0 + SECOND, T0 + 2 * DAY])).toEqual([
      [T0, T0, false],
      [T0 + SECOND, T0 + SECOND, false],
      [T0 + 2 * DAY, T0 + 2 * DAY, false],
    ]);
  });

  it('leaves events dated in the past alone: they cannot move time forward', () => {
    const times = [T0, T0 + SECOND, T0 - YEAR, T0 + 2 * SECOND];
    expect(guard(times)).toEqual(times.map((ts) => [ts, ts, false]));
  });

  it('keeps the input order and hands every event on exactly once', () => {
    const normal = [1, 2, 3, 4].map((n) => T0 + n * SECOND);
    const times = [T0, T0 + YEAR, T0 + YEAR + SECOND, ...normal, T0 + 2 * YEAR];
    const out = guard(times);
    expect(out.map(([original]) => original)).toEqual(times);
    // The two a year ahead were contradicted; the last one, at the end, was not.
    expect(out.filter(([, , future]) => future).map(([original]) => original)).toEqual([
      T0 + YEAR,
      T0 + YEAR + SECOND,
    ]);
  });
});
