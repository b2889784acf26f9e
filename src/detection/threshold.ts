import type { ThresholdRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

/**
 * The newest `threshold` timestamps, ascending: enough to know whether the window holds
 * `threshold` events. Arrays grow one element at a time so a key seen once costs one number.
 */
type ThresholdState = number[];

/**
 * Sliding count on event time: holds at t when at least `threshold` matching events fall in
 * [t - window, t] (both ends inclusive: an event exactly one window old still counts).
 */
export function thresholdCondition(rule: ThresholdRule): WindowCondition<ThresholdState> {
  const { threshold, windowMs } = rule;
  return {
    observe(times, ts) {
      if (times === undefined) return [ts];
      if (times.length < threshold) return insertGrowing(times, ts);
      insertDroppingOldest(times, ts);
      return times;
    },
    holdsAt: (times, ts) => times.length === threshold && (times[0] as number) >= ts - windowMs,
    holdsUntil: (times) => (times.length === threshold ? (times[0] as number) + windowMs : -Infinity),
    opening: (times) => ({ count: times.length, firstSeen: times[0] as number }),
  };
}

/** A copy one longer with `ts` in order: exact-size arrays keep a million keys small. */
function insertGrowing(times: number[], ts: number): number[] {
  const grown = new Array<number>(times.length + 1);
  let from = times.length - 1;
  let to = times.length;
  while (from >= 0 && (times[from] as number) > ts) grown[to--] = times[from--] as number;
  grown[to] = ts;
  while (from >= 0) grown[--to] = times[from--] as number;
  return grown;
}

/** Inserts `ts` in order and drops the oldest, in place; an event older than all is itself dropped. */
function insertDroppingOldest(times: number[], ts: number): void {
  if (ts < (times[0] as number)) return;
  let index = 0;
  while (index + 1 < times.length && (times[index + 1] as number) <= ts) {
    times[index] = times[index + 1] as number;
    index++;
  }
  times[index] = ts;
}
