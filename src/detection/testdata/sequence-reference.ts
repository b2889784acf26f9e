// The sequence condition as it was before first-step columns (one state object per key that saw
// two events): the reference sequence-columns.test.ts compares the condition with.
import type { SecurityEvent } from '../../core/index.ts';
import { evidenceOf } from '../../core/index.ts';
import type { SequenceRule } from '../../rules/index.ts';
import { growFloat64, growSlots } from '../columns.ts';
import type { WindowCondition } from '../condition.ts';
import type { SequenceState } from './sequence-state-reference.ts';
import {
  EVIDENCE_PER_STEP,
  chainEvidence,
  keepEvidence,
  keepNewest,
  loadedSequenceState,
  newSequenceState,
  savedSequenceState,
} from './sequence-state-reference.ts';

/**
 * Ordered steps within a span (Sigma's temporal_ordered): holds at the instant the last step
 * completes with every earlier step complete before it, all within `window` of the chain's start.
 * Most keys only ever see one event of the first step: such a key keeps just its time in a column
 * (`first`), and the event in another if it may be shown (`firstEvidence`); the full state
 * (sequence-state.ts) is made when a second event comes.
 */
export function sequenceCondition(rule: SequenceRule): WindowCondition {
  const { steps, windowMs } = rule;
  const last = steps.length - 1;
  const chainCount = steps.reduce((sum, step) => sum + step.count, 0);
  const states: (SequenceState | undefined)[] = [];
  let first = new Float64Array(0);
  const firstEvidence: (SecurityEvent | undefined)[] = [];
  // One first-step event is shown as evidence only when that step needs few events.
  const firstShown = mayBeShown(0, steps[0]?.count ?? 1);
  // Which steps the event last judged matches (1/0 per step), for the `observe` that follows.
  const hits = new Uint8Array(steps.length);
  let judged: SecurityEvent | undefined;
  let judgedAny = false;
  const judge = (event: SecurityEvent): boolean => {
    let any = false;
    for (let i = 0; i <= last; i++) {
      const hit = (steps[i] as SequenceRule['steps'][number]).matches(event);
      hits[i] = hit ? 1 : 0;
      any ||= hit;
    }
    judged = event;
    judgedAny = any;
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

  /** The full state of `slot`, or the one its lone first-step time stands for. */
  const view = (slot: number): SequenceState => {
    const state = states[slot];
    if (state !== undefined) return state;
    const made = newSequenceState(steps.length);
    const ts = first[slot] as number;
    made.times[0] = keepNewest(undefined, ts, steps[0]?.count ?? 1);
    const shown = firstEvidence[slot];
    if (shown !== undefined) keepEvidence(made, 0, ts, shown);
    return made;
  };
  const full = (slot: number): SequenceState => {
    let state = states[slot];
    if (state === undefined) {
      states[slot] = state = view(slot);
      firstEvidence[slot] = undefined;
    }
    return state;
  };

  return {
    accepts: judge,
    observe(slot, fresh, ts, event: SecurityEvent) {
      // Steps are judged once per event: by `accepts` just before, or here.
      const matchesAny = judged === event ? judgedAny : judge(event);
      judged = undefined;
      if (!fresh) {
        if (states[slot] === undefined && !matchesAny) return true;
        observeFull(full(slot), ts, event);
        return true;
      }
      if (last > 0 && hits[0] === 1) {
        first[slot] = ts;
        firstEvidence[slot] = firstShown ? evidenceOf(event) : undefined;
        return true;
      }
      const state = observeFull(undefined, ts, event);
      states[slot] = state;
      return state !== undefined;
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
      first = growFloat64(first, capacity);
      growSlots(states, capacity);
      growSlots(firstEvidence, capacity);
    },
    free(slot) {
      states[slot] = undefined;
      firstEvidence[slot] = undefined;
    },
    reset() {
      states.length = 0;
      firstEvidence.length = 0;
      first = new Float64Array(0);
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
