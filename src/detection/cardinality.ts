import type { SecurityEvent } from '../core/index.ts';
import { compileFieldGetter, fieldText } from '../core/index.ts';
import type { CardinalityRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

const DISTINCT_VALUES_SHOWN = 10;

/** Distinct value → last time seen, kept in order of last sighting so expired values sit at the front. */
type CardinalityState = Map<string, number>;

/** Holds at t when at least `threshold` distinct values of `distinct` were seen in [t - window, t]. */
export function cardinalityCondition(rule: CardinalityRule): WindowCondition<CardinalityState> {
  const { threshold, windowMs } = rule;
  const readDistinct = compileFieldGetter(rule.distinct);
  const expire = (seen: CardinalityState, now: number): void => {
    for (const [value, ts] of seen) {
      if (ts >= now - windowMs) break;
      seen.delete(value);
    }
  };
  return {
    newState: () => new Map(),
    observe(seen, ts, event: SecurityEvent) {
      const value = fieldText(readDistinct(event));
      if (value === undefined || value === '') return false;
      const previous = seen.get(value);
      seen.delete(value);
      seen.set(value, previous !== undefined && previous > ts ? previous : ts);
      expire(seen, ts);
      return seen.size >= threshold;
    },
    holdsUntil(seen) {
      if (seen.size < threshold) return -Infinity;
      // The condition lasts until all but threshold-1 of the values have expired.
      let skip = seen.size - threshold;
      for (const ts of seen.values()) {
        if (skip-- === 0) return ts + windowMs;
      }
      return -Infinity;
    },
    opening: (seen) => ({ count: seen.size, firstSeen: seen.values().next().value ?? 0 }),
    distinct: (seen) => ({
      field: rule.distinct,
      count: seen.size,
      values: [...seen.keys()].slice(-DISTINCT_VALUES_SHOWN),
    }),
  };
}
