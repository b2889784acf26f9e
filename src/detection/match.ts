import type { WindowCondition } from './condition.ts';

/** Every matching event is a detection: the condition holds at the instant of each one. */
export function matchCondition(): WindowCondition<number> {
  return {
    observe: (lastTs, ts) => (lastTs === undefined || ts > lastTs ? ts : lastTs),
    holdsAt: () => true,
    holdsUntil: (lastTs) => lastTs,
    opening: (lastTs) => ({ count: 1, firstSeen: lastTs }),
  };
}
