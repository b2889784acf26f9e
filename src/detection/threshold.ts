import type { ThresholdRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

/** The newest `threshold` timestamps, ascending: enough to know whether the window holds `threshold` events. */
type ThresholdState = number[];

/**
 * Sliding count on event time: holds at t when at least `threshold` matching events fall in
 * [t - window, t] (both ends inclusive: an event exactly one window old still counts).
 */
export function thresholdCondition(rule: ThresholdRule): WindowCondition<ThresholdState> {
  const { threshold, windowMs } = rule;
  return {
    newState: () => [],
    observe(times, ts) {
      insertSorted(times, ts);
      if (times.length > threshold) times.shift();
      return (
        times.length === threshold && (times[0] as number) >= (times[threshold - 1] as number) - windowMs
      );
    },
    holdsUntil: (times) => (times.length === threshold ? (times[0] as number) + windowMs : -Infinity),
    opening: (times) => ({ count: times.length, firstSeen: times[0] as number }),
  };
}

function insertSorted(times: number[], ts: number): void {
  let index = times.length;
  while (index > 0 && (times[index - 1] as number) > ts) index--;
  if (index === times.length) times.push(ts);
  else times.splice(index, 0, ts);
}
