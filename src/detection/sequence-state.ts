import type { SecurityEvent } from '../core/index.ts';
import { evidenceOf } from '../core/index.ts';

/**
 * For each step, its newest `count` matching events: when each happened (`times`) and, for steps
 * after the first, when the chain of the steps before it started (`starts`: the latest start
 * still complete at that moment). Arrays are created when a step first sees an event.
 */
export interface SequenceState {
  times: (number[] | undefined)[];
  starts: (number[] | undefined)[];
  /** Newest few events of each step but the last, parallel to the end of `times`: the evidence. */
  events?: ({ ts: number; event: SecurityEvent }[] | undefined)[];
  completedAt: number;
  completedStart: number;
}

/** Per earlier step, how many of its newest events are kept to show with the completing event. */
export const EVIDENCE_PER_STEP = 3;

export function newSequenceState(steps: number): SequenceState {
  return {
    times: new Array<number[] | undefined>(steps),
    starts: new Array<number[] | undefined>(steps),
    completedAt: -Infinity,
    completedStart: 0,
  };
}

export function keepEvidence(state: SequenceState, i: number, ts: number, event: SecurityEvent): void {
  const all = (state.events ??= []);
  const events = (all[i] ??= []);
  events.push({ ts, event: evidenceOf(event) });
  if (events.length > EVIDENCE_PER_STEP) events.shift();
}

/** The kept events of the earlier steps that belong to the chain (from its start), in time order. */
export function chainEvidence(state: SequenceState, chainStart: number): SecurityEvent[] {
  return (state.events ?? [])
    .flatMap((step) => step ?? [])
    .filter((kept) => kept.ts >= chainStart)
    .sort((a, b) => a.ts - b.ts)
    .map((kept) => kept.event);
}
