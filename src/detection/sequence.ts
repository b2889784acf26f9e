import type { SecurityEvent } from '../core/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';

/**
 * For each step, its newest `count` matching events: when each happened and when the chain of
 * the steps before it started (the latest start still complete at that moment).
 */
interface SequenceState {
  times: number[][];
  starts: number[][];
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
    const starts = state.starts[i] as number[];
    if (starts.length < (steps[i]?.count ?? 1)) return undefined;
    const start = starts[0] as number;
    return now - start <= windowMs ? start : undefined;
  };

  return {
    newState: () => ({
      times: steps.map(() => []),
      starts: steps.map(() => []),
      completedAt: -Infinity,
      completedStart: 0,
    }),
    observe(state, ts, event: SecurityEvent) {
      let completed = false;
      // Later steps first, so one event never completes a step and then serves the next one too.
      for (let i = last; i >= 0; i--) {
        const step = steps[i];
        if (step === undefined || !step.matches(event)) continue;
        const start = i === 0 ? ts : completeStart(state, i - 1, ts);
        if (start === undefined) continue;
        const times = state.times[i] as number[];
        const starts = state.starts[i] as number[];
        times.push(ts);
        starts.push(start);
        if (times.length > step.count) {
          times.shift();
          starts.shift();
        }
        if (i === last) {
          const chainStart = completeStart(state, last, ts);
          if (chainStart !== undefined) {
            state.completedAt = ts;
            state.completedStart = chainStart;
            completed = true;
          }
        }
      }
      return completed;
    },
    holdsUntil: (state) => state.completedAt,
    opening: (state) => ({ count: chainCount, firstSeen: state.completedStart }),
  };
}
