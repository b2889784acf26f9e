import { growFloat64 } from './columns.ts';
import type { WindowCondition } from './condition.ts';

/** Every matching event is a detection: the condition holds at the instant of each one. */
export function matchCondition(): WindowCondition {
  let lastTs = new Float64Array(0);
  return {
    observe(slot, fresh, ts) {
      if (fresh || ts > (lastTs[slot] as number)) lastTs[slot] = ts;
      return true;
    },
    holdsAt: () => true,
    holdsUntil: (slot) => lastTs[slot] as number,
    opening: (slot) => ({ count: 1, firstSeen: lastTs[slot] as number }),
    grow(capacity) {
      lastTs = growFloat64(lastTs, capacity);
    },
    free() {},
    reset() {
      lastTs = new Float64Array(0);
    },
    save: (slot) => lastTs[slot],
    load(slot, saved) {
      lastTs[slot] = saved as number;
    },
  };
}
