import type { WindowCondition } from './condition.ts';

/** Every matching event is a detection: the condition holds at the instant of each one. */
export function matchCondition(): WindowCondition<{ lastTs: number }> {
  return {
    newState: () => ({ lastTs: -Infinity }),
    observe(state, ts) {
      if (ts > state.lastTs) state.lastTs = ts;
      return true;
    },
    holdsUntil: (state) => state.lastTs,
    opening: (state) => ({ count: 1, firstSeen: state.lastTs }),
  };
}
