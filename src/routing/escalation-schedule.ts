import type { EscalationStep } from './routes.ts';

/** One firing of a route's escalation: a step, its n-th repeat, and when it is due. */
export interface EscalationFiring {
  /** 1-based step number, as people count them. */
  step: number;
  channels: readonly string[];
  /** Since the escalation started (the opening notification). */
  offsetMs: number;
}

/**
 * Every firing of a route's `escalate:` steps in time order: step i at `after`, then its repeats
 * `every` apart. The stored state is how many of these went out, so a restart continues here.
 */
export function escalationSchedule(steps: readonly EscalationStep[]): EscalationFiring[] {
  const firings: EscalationFiring[] = [];
  for (const [index, step] of steps.entries()) {
    for (let repeat = 0; repeat < step.repeat; repeat++) {
      firings.push({
        step: index + 1,
        channels: step.channels,
        offsetMs: step.afterMs + repeat * step.everyMs,
      });
    }
  }
  // Stable: a step's repeats that run past the next step's `after` interleave with it.
  return firings.sort((a, b) => a.offsetMs - b.offsetMs);
}
