import type { SecurityEvent } from '../core/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

/**
 * For each step, its newest `count` matching events: when each happened (`times`) and, for steps
 * after the first, when the chain of the steps before it started (`starts`: the latest start
 * still complete at that moment). Arrays are created when a step first sees an event.
 */
interface SequenceState {
  times: (number[] | undefined)[];
  starts: (number[] | undefined)[];
  /** Newest few events of each step but the last, parallel to the end of `times`: the evidence. */
  events?: ({ ts: number; event: SecurityEvent }[] | undefined)[];
  completedAt: number;
  completedStart: number;
}

/**
 * Ordered steps within a span (Sigma's temporal_ordered): holds at the instant the last step
 * completes with every earlier step complete before it, all within `window` of the chain's start.
 */
export function sequenceCondition(rule: SequenceRule): WindowCondition<SequenceState> {
  const { steps, windowMs } = rule;
  const last = steps.length - 1;
  const chainCount = steps.reduce((sum, step) => sum + step.count, 0);

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
    if (i < last) keepEvidence(state, i, ts, event);
    const times = (state.times[i] ??= []);
    times.push(ts);
    if (times.length > cap) times.shift();
    if (i > 0) {
      const starts = (state.starts[i] ??= []);
      starts.push(start);
      if (starts.length > cap) starts.shift();
    }
  };

  return {
    observe(existing, ts, event: SecurityEvent) {
      let state = existing;
      // Later steps first, so one event never completes a step and then serves the next one too.
      for (let i = last; i >= 0; i--) {
        const step = steps[i];
        if (step === undefined || !step.matches(event)) continue;
        if (state === undefined && i > 0) continue;
        state ??= {
          times: new Array(steps.length),
          starts: new Array(steps.length),
          completedAt: -Infinity,
          completedStart: 0,
        };
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
    },
    holdsAt: (state, ts) => state.completedAt === ts,
    holdsUntil: (state) => state.completedAt,
    opening: (state) => ({
      count: chainCount,
      firstSeen: state.completedStart,
      evidence: chainEvidence(state, state.completedStart),
    }),
  };
}

/** Per earlier step, how many of its newest events are kept to show with the completing event. */
const EVIDENCE_PER_STEP = 3;

function keepEvidence(state: SequenceState, i: number, ts: number, event: SecurityEvent): void {
  const all = (state.events ??= []);
  const events = (all[i] ??= []);
  events.push({ ts, event });
  if (events.length > EVIDENCE_PER_STEP) events.shift();
}

/** The kept events of the earlier steps that belong to the chain (from its start), in time order. */
function chainEvidence(state: SequenceState, chainStart: number): SecurityEvent[] {
  return (state.events ?? [])
    .flatMap((step) => step ?? [])
    .filter((kept) => kept.ts >= chainStart)
    .sort((a, b) => a.ts - b.ts)
    .map((kept) => kept.event);
}
