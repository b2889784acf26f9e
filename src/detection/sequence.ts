import type { SecurityEvent } from '../core/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import { growSlots } from './columns.ts';
import type { WindowCondition } from './condition.ts';
import { FirstStepColumns } from './sequence-first-step.ts';
import type { SequenceState } from './sequence-state.ts';
import {
  EVIDENCE_PER_STEP,
  chainEvidence,
  keepEvidence,
  keepNewest,
  loadedSequenceState,
  newSequenceState,
  savedSequenceState,
} from './sequence-state.ts';

/**
 * Ordered steps within a span (Sigma's temporal_ordered): holds at the instant the last step
 * completes with every earlier step complete before it, all within `window` of the chain's start.
 * Most keys only ever see events of the first step: such a key keeps its times and the events it
 * may show in columns (`first`, see sequence-first-step.ts); the full state (sequence-state.ts) is
 * made when a later step can start, that is when the first step is complete within the window.
 */
export function sequenceCondition(rule: SequenceRule): WindowCondition {
  const { steps, windowMs } = rule;
  const last = steps.length - 1;
  const chainCount = steps.reduce((sum, step) => sum + step.count, 0);
  const states: (SequenceState | undefined)[] = [];
  const firstCount = steps[0]?.count ?? 1;
  const first = new FirstStepColumns(firstCount, steps.length);
  // Which steps the event last judged matches (1/0 per step), for the `observe` that follows.
  const hits = new Uint8Array(steps.length);
  let judged: SecurityEvent | undefined;
  const judge = (event: SecurityEvent): boolean => {
    let any = false;
    for (let i = 0; i <= last; i++) {
      const hit = (steps[i] as SequenceRule['steps'][number]).matches(event);
      hits[i] = hit ? 1 : 0;
      any ||= hit;
    }
    judged = event;
    return any;
  };

  /** Start of a complete chain of steps 0..i that is still inside the span at `now`, if any. */
  const completeStart = (state: SequenceState, i: number, now: number): number | undefined => {
    const starts = i === 0 ? state.times[0] : state.starts[i];
    // `!starts`: a restored snapshot has null where a step saw nothing yet.
    if (!starts || starts.length < (steps[i]?.count ?? 1)) return undefined;
    const start = starts[0] as number;
    return now - start <= windowMs ? start : undefined;
  };

  const record = (state: SequenceState, i: number, ts: number, start: number, event: SecurityEvent): void => {
    const cap = steps[i]?.count ?? 1;
    if (i < last && mayBeShown(state.times[i]?.length ?? 0, cap)) keepEvidence(state, i, ts, event);
    state.times[i] = keepNewest(state.times[i], ts, cap);
    if (i > 0) state.starts[i] = keepNewest(state.starts[i], start, cap);
  };

  const observeFull = (existing: SequenceState | undefined, ts: number, event: SecurityEvent) => {
    let state = existing;
    // Later steps first, so one event never completes a step and then serves the next one too.
    for (let i = last; i >= 0; i--) {
      if (hits[i] === 0) continue;
      if (state === undefined && i > 0) continue;
      state ??= newSequenceState(steps.length);
      const start = i === 0 ? ts : completeStart(state, i - 1, ts);
      if (start === undefined) continue;
      record(state, i, ts, start, event);
      if (i === last) {
        const chainStart = completeStart(state, last, ts);
        if (chainStart !== undefined) {
          state.completedAt = ts;
          state.completedStart = chainStart;
        }
      }
    }
    return state;
  };

  /** The full state of `slot`, or the one its first-step columns stand for. */
  const view = (slot: number): SequenceState => states[slot] ?? first.state(slot);
  const full = (slot: number): SequenceState => {
    let state = states[slot];
    if (state === undefined) {
      states[slot] = state = first.state(slot);
      first.clear(slot);
    }
    return state;
  };

  /** A key without a full state (fresh, or with first-step events only, in columns). */
  const observeFirst = (slot: number, fresh: boolean, ts: number, event: SecurityEvent): boolean => {
    // Only the second step can start from columns (a later one needs the one before it).
    if (!fresh && hits[1] === 1 && first.completeWithin(slot, ts, windowMs)) {
      observeFull(full(slot), ts, event);
      return true;
    }
    if (hits[0] === 1) {
      first.record(slot, ts, event, mayBeShown(first.length(slot), firstCount));
      return true;
    }
    return !fresh;
  };

  return {
    accepts: judge,
    observe(slot, fresh, ts, event: SecurityEvent) {
      // Steps are judged once per event: by `accepts` just before, or here.
      if (judged !== event) judge(event);
      judged = undefined;
      const state = fresh ? undefined : states[slot];
      if (state !== undefined) observeFull(state, ts, event);
      else if (last > 0) return observeFirst(slot, fresh, ts, event);
      else if (fresh) return (states[slot] = observeFull(undefined, ts, event)) !== undefined;
      return true;
    },
    holdsAt: (slot, ts) => states[slot]?.completedAt === ts,
    holdsUntil: (slot) => states[slot]?.completedAt ?? -Infinity,
    opening(slot) {
      const state = view(slot);
      return {
        count: chainCount,
        firstSeen: state.completedStart,
        evidence: chainEvidence(state, state.completedStart),
      };
    },
    grow(capacity) {
      first.grow(capacity);
      growSlots(states, capacity);
    },
    free(slot) {
      states[slot] = undefined;
      first.clear(slot);
    },
    reset() {
      states.length = 0;
      first.reset();
    },
    save: (slot) => savedSequenceState(view(slot)),
    load(slot, saved) {
      states[slot] = loadedSequenceState(saved as SequenceState);
    },
  };
}

/**
 * Whether a step's event, recorded when the step held `held` times (at most `count`), can be
 * among the newest EVIDENCE_PER_STEP of that step once the chain completes. A chain completes only
 * after the step saw `count` events, so the ones before the last EVIDENCE_PER_STEP of those never
 * show: a key tried a few times keeps no event object at all.
 */
function mayBeShown(held: number, count: number): boolean {
  return held >= count - EVIDENCE_PER_STEP;
}
