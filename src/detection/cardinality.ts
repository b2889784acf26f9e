import type { SecurityEvent } from '../core/index.ts';
import { compileFieldGetter, fieldText } from '../core/index.ts';
import type { CardinalityRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

const DISTINCT_VALUES_SHOWN = 10;

/**
 * Distinct values seen in the window. Most keys only ever show one value, so that one is kept
 * inline; a second value switches to a map of value → last sighting, in order of last sighting
 * so that expired values sit at the front.
 */
interface CardinalityState {
  value: string;
  ts: number;
  many: Map<string, number> | null;
}

/** Holds at t when at least `threshold` distinct values of `distinct` were seen in [t - window, t]. */
export function cardinalityCondition(rule: CardinalityRule): WindowCondition<CardinalityState> {
  const { threshold, windowMs } = rule;
  const readDistinct = compileFieldGetter(rule.distinct);
  const size = (state: CardinalityState) => (state.many === null ? 1 : state.many.size);
  return {
    observe(state, ts, event: SecurityEvent) {
      const value = fieldText(readDistinct(event));
      if (value === undefined) return state;
      if (state === undefined) return { value, ts, many: null };
      if (state.many === null) {
        if (value === state.value || state.ts < ts - windowMs) {
          state.value = value;
          state.ts = Math.max(state.ts, ts);
        } else {
          state.many = new Map([[state.value, state.ts]]);
        }
      }
      if (state.many !== null) see(state.many, value, ts, windowMs);
      return state;
    },
    holdsAt: (state) => size(state) >= threshold,
    holdsUntil(state) {
      if (size(state) < threshold) return -Infinity;
      if (state.many === null) return state.ts + windowMs;
      // The condition lasts until all but threshold-1 of the values have expired.
      let skip = state.many.size - threshold;
      for (const ts of state.many.values()) {
        if (skip-- === 0) return ts + windowMs;
      }
      return -Infinity;
    },
    opening: (state) => ({
      count: size(state),
      firstSeen: state.many === null ? state.ts : (state.many.values().next().value ?? state.ts),
    }),
    distinct: (state) => ({
      field: rule.distinct,
      count: size(state),
      values: state.many === null ? [state.value] : [...state.many.keys()].slice(-DISTINCT_VALUES_SHOWN),
    }),
  };
}

function see(seen: Map<string, number>, value: string, ts: number, windowMs: number): void {
  const previous = seen.get(value);
  seen.delete(value);
  seen.set(value, previous !== undefined && previous > ts ? previous : ts);
  for (const [old, oldTs] of seen) {
    if (oldTs >= ts - windowMs) break;
    seen.delete(old);
  }
}
