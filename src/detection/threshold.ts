import type { ThresholdRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';
import { TimeRings } from './time-rings.ts';

/**
 * Sliding count on event time: holds at t when at least `threshold` matching events fall in
 * [t - window, t] (both ends inclusive: an event exactly one window old still counts). A key
 * keeps its newest `threshold` event times, ascending, in a ring of the shared slab: enough to
 * know whether the window holds `threshold` events.
 */
export function thresholdCondition(rule: ThresholdRule): WindowCondition {
  const { threshold, windowMs } = rule;
  const times = new TimeRings();
  return {
    observe(slot, _fresh, ts) {
      if (times.length(slot) < threshold) {
        times.insert(slot, ts);
      } else if (ts >= times.at(slot, 0)) {
        // An event older than all kept ones is not among the newest: it still counts for an episode.
        times.dropOldest(slot);
        times.insert(slot, ts);
      }
      return true;
    },
    holdsAt: (slot, ts) => times.length(slot) === threshold && times.at(slot, 0) >= ts - windowMs,
    holdsUntil: (slot) => (times.length(slot) === threshold ? times.at(slot, 0) + windowMs : -Infinity),
    opening: (slot) => ({ count: times.length(slot), firstSeen: times.at(slot, 0) }),
    grow: (capacity) => times.grow(capacity),
    free: (slot) => times.clear(slot),
    reset: () => times.reset(),
    save: (slot) => times.toArray(slot),
    load(slot, saved) {
      for (const ts of saved as number[]) times.insert(slot, ts);
    },
  };
}
