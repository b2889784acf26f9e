import { evidenceOf } from '../core/index.ts';
import type { SecurityEvent } from '../core/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import { growSlots } from './columns.ts';
import type { WindowCondition } from './condition.ts';

/** Per step, its newest matching event and when it happened (null: none yet, also after a restore). */
interface UnorderedState {
  times: (number | null)[];
  events: (SecurityEvent | null)[];
}

/**
 * Steps in any order within a span (Sigma's `temporal`): holds at t when `required` of the steps
 * each saw an event in [t - window, t]. Only the newest event of each step matters: an older one
 * can never make the condition hold where the newer one does not.
 */
export function unorderedCondition(rule: SequenceRule): WindowCondition {
  const { steps, windowMs } = rule;
  const required = Math.min(rule.unordered?.required ?? steps.length, steps.length);
  // Keys of a temporal correlation are few (each needs events of several rules): one object a key.
  const states: (UnorderedState | undefined)[] = [];

  /** The time of the `required`-th newest step, or -Infinity when fewer steps have been seen. */
  const pivot = (state: UnorderedState | undefined): number => {
    if (state === undefined) return -Infinity;
    const seen = state.times.filter((ts): ts is number => typeof ts === 'number').sort((a, b) => b - a);
    return seen.length >= required ? (seen[required - 1] as number) : -Infinity;
  };

  return {
    observe(slot, fresh, ts, event) {
      let state = fresh ? undefined : states[slot];
      for (let i = 0; i < steps.length; i++) {
        if (!steps[i]?.matches(event)) continue;
        state ??= { times: steps.map(() => null), events: steps.map(() => null) };
        const previous = state.times[i];
        if (typeof previous === 'number' && previous > ts) continue;
        state.times[i] = ts;
        state.events[i] = evidenceOf(event);
      }
      states[slot] = state;
      return state !== undefined;
    },
    holdsAt: (slot, ts) => pivot(states[slot]) >= ts - windowMs,
    holdsUntil: (slot) => pivot(states[slot]) + windowMs,
    opening(slot) {
      const state = states[slot] ?? { times: [], events: [] };
      const from = pivot(state);
      const counted = state.times
        .map((ts, i) => ({ ts, event: state.events[i] }))
        .filter(
          (kept): kept is { ts: number; event: SecurityEvent } =>
            typeof kept.ts === 'number' && kept.ts >= from,
        )
        .sort((a, b) => a.ts - b.ts);
      // One event may serve two steps; the newest completed the set and the slot adds it itself.
      const evidence = [...new Set(counted.map((kept) => kept.event))].slice(0, -1);
      return {
        count: counted.length,
        firstSeen: from,
        ...(evidence.length > 0 && { evidence }),
      };
    },
    grow: (capacity) => growSlots(states, capacity),
    free(slot) {
      states[slot] = undefined;
    },
    reset() {
      states.length = 0;
    },
    save: (slot) => states[slot],
    load(slot, saved) {
      states[slot] = saved as UnorderedState;
    },
  };
}
