import type { SecurityEvent } from '../core/index.ts';
import { compileFieldGetter, fieldText, ownsItsText } from '../core/index.ts';
import type { CardinalityRule } from '../rules/index.ts';
import { growFloat64, growSlots } from './columns.ts';
import type { WindowCondition } from './condition.ts';
import { TimeRings } from './time-rings.ts';
import { ownText } from './own-text.ts';

const DISTINCT_VALUES_SHOWN = 10;

/** What snapshots hold per key (`times` is missing in those of older versions). */
interface SavedCardinality {
  value: string;
  ts: number;
  many: Map<string, number> | null;
  times?: number[];
}

/**
 * Holds at t when at least `threshold` distinct values of `distinct` were seen in [t - window, t].
 * Most keys only ever show one value: that one sits in a column with its time; a second value
 * switches the key to a map of value → last sighting, in order of last sighting so that expired
 * values sit at the front. Every counted event's time is kept for the window too: an opening
 * counts every event of the key since the oldest sighting it holds on (its `firstSeen`), so the
 * count does not depend on the order of the events of one millisecond.
 */
export function cardinalityCondition(rule: CardinalityRule): WindowCondition {
  const { threshold, windowMs } = rule;
  const readDistinct = compileFieldGetter(rule.distinct);
  const values: (string | Map<string, number> | undefined)[] = [];
  let valueTs = new Float64Array(0);
  const times = new TimeRings();
  const size = (slot: number) =>
    typeof values[slot] === 'string' ? 1 : (values[slot] as Map<string, number>).size;

  /** The oldest sighting the key holds on to: an opening counts its events from there. */
  const firstSeen = (slot: number): number => {
    const seen = values[slot];
    return typeof seen === 'string'
      ? (valueTs[slot] as number)
      : ((seen as Map<string, number>).values().next().value as number);
  };
  const save = (slot: number, from = 0): SavedCardinality => {
    const seen = values[slot];
    const kept = times.toArray(slot, from);
    return typeof seen === 'string'
      ? { value: seen, ts: valueTs[slot] as number, many: null, times: kept }
      : { value: '', ts: 0, many: new Map(seen), times: kept };
  };

  const see = (slot: number, value: string, ts: number, owned: boolean): void => {
    const seen = values[slot];
    if (typeof seen === 'string') {
      if (value === seen || (valueTs[slot] as number) < ts - windowMs) {
        if (value !== seen) values[slot] = owned ? value : ownText(value);
        valueTs[slot] = Math.max(valueTs[slot] as number, ts);
        return;
      }
      values[slot] = seeMany(new Map([[seen, valueTs[slot] as number]]), value, ts, windowMs, owned);
    } else {
      seeMany(seen as Map<string, number>, value, ts, windowMs, owned);
    }
  };

  return {
    observe(slot, fresh, ts, event: SecurityEvent) {
      const value = fieldText(readDistinct(event));
      // Values of events that own their text are kept as they are (see OWNS_ITS_TEXT).
      const owned = ownsItsText(event);
      if (fresh) {
        if (value === undefined) return false;
        values[slot] = owned ? value : ownText(value);
        valueTs[slot] = ts;
      } else if (value !== undefined) {
        see(slot, value, ts, owned);
      }
      times.dropBefore(slot, ts - windowMs);
      times.insert(slot, ts);
      return true;
    },
    holdsAt: (slot) => size(slot) >= threshold,
    holdsUntil(slot) {
      if (size(slot) < threshold) return -Infinity;
      const seen = values[slot];
      if (typeof seen === 'string') return (valueTs[slot] as number) + windowMs;
      // The condition lasts until all but threshold-1 of the values have expired.
      let skip = (seen as Map<string, number>).size - threshold;
      for (const ts of (seen as Map<string, number>).values()) {
        if (skip-- === 0) return ts + windowMs;
      }
      return -Infinity;
    },
    opening(slot) {
      const since = firstSeen(slot);
      return { count: times.length(slot) - times.countBefore(slot, since), firstSeen: since };
    },
    distinct(slot) {
      const seen = values[slot];
      return {
        field: rule.distinct,
        count: size(slot),
        values:
          typeof seen === 'string'
            ? [seen]
            : [...(seen as Map<string, number>).keys()].slice(-DISTINCT_VALUES_SHOWN),
      };
    },
    grow(capacity) {
      valueTs = growFloat64(valueTs, capacity);
      growSlots(values, capacity);
      times.grow(capacity);
    },
    free(slot) {
      values[slot] = undefined;
      times.clear(slot);
    },
    reset() {
      values.length = 0;
      valueTs = new Float64Array(0);
      times.reset();
    },
    save: (slot) => save(slot),
    // Held events come after what the key saw, so its oldest sighting only moves forward: events
    // before it never count again (if one did, `open` reports the difference as an update). A
    // busy key's window is then not copied for every event that arrives.
    whatIfState: (slot) => save(slot, times.countBefore(slot, firstSeen(slot))),
    load(slot, saved) {
      const { value, ts, many, times: kept } = saved as SavedCardinality;
      values[slot] = many === null ? value : new Map(many);
      valueTs[slot] = ts;
      // Older snapshots kept no event times: the last sighting of each value stands in for them.
      for (const time of kept ?? (many === null ? [ts] : [...many.values()])) times.insert(slot, time);
    },
  };
}

function seeMany(
  seen: Map<string, number>,
  value: string,
  ts: number,
  windowMs: number,
  owned: boolean,
): Map<string, number> {
  const previous = seen.get(value);
  if (previous === undefined) {
    seen.set(owned ? value : ownText(value), ts);
  } else {
    seen.delete(value);
    seen.set(value, previous > ts ? previous : ts);
  }
  for (const [old, oldTs] of seen) {
    if (oldTs >= ts - windowMs) break;
    seen.delete(old);
  }
  return seen;
}
