// Sequence state as it was before first-step columns: the reference for sequence-columns.test.ts.
import type { SecurityEvent } from '../../core/index.ts';
import { evidenceOf } from '../../core/index.ts';

/**
 * For each step, its newest `count` matching events: when each happened (`times`) and, for steps
 * after the first, when the chain of the steps before it started (`starts`: the latest start
 * still complete at that moment). Arrays are created when a step first sees an event.
 */
export interface SequenceState {
  times: (number[] | undefined)[];
  starts: (number[] | undefined)[];
  /** Newest few events of each step but the last, parallel to the end of `times`: the evidence. */
  kept?: (StepEvidence | undefined)[];
  /** The evidence as snapshots hold it: read into `kept` when a state is loaded. */
  events?: ({ ts: number; event: SecurityEvent }[] | undefined)[];
  completedAt: number;
  completedStart: number;
}

/**
 * The newest EVIDENCE_PER_STEP events of a step and their times, in lists made that long: a ring
 * once full (`next` is then the oldest). Keeping another event allocates nothing (most are kept).
 */
interface StepEvidence {
  times: number[];
  events: (SecurityEvent | undefined)[];
  size: number;
  next: number;
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
  const all = (state.kept ??= []);
  const step = all[i];
  if (step === undefined) all[i] = newStepEvidence(ts, evidenceOf(event));
  else if (step.size < EVIDENCE_PER_STEP) {
    step.times[step.size] = ts;
    step.events[step.size++] = evidenceOf(event);
  } else {
    step.times[step.next] = ts;
    step.events[step.next] = evidenceOf(event);
    step.next = (step.next + 1) % EVIDENCE_PER_STEP;
  }
}

function newStepEvidence(ts: number, event: SecurityEvent): StepEvidence {
  // Literals of EVIDENCE_PER_STEP (3) elements: a push would make room for 17.
  return { times: [ts, 0, 0], events: [event, undefined, undefined], size: 1, next: 0 };
}

/**
 * `list` (made if undefined) with `value` added at its end, its oldest dropped beyond `cap`: in
 * place, in room made for `cap` values (push and shift would grow and trim its store over and over).
 */
export function keepNewest(list: number[] | undefined | null, value: number, cap: number): number[] {
  // null: a restored snapshot's step that saw nothing yet.
  if (list === undefined || list === null) {
    const made = new Array<number>(cap).fill(value);
    made.length = 1;
    return made;
  }
  if (list.length < cap) {
    list.push(value);
    return list;
  }
  for (let i = 1; i < list.length; i++) list[i - 1] = list[i] as number;
  list[list.length - 1] = value;
  return list;
}

/** A step's kept events, oldest first. */
function stepEvidence(step: StepEvidence | undefined): { ts: number; event: SecurityEvent }[] {
  if (step === undefined) return [];
  const kept = [];
  for (let n = 0; n < step.size; n++) {
    const at = (step.next + n) % step.size;
    kept.push({ ts: step.times[at] as number, event: step.events[at] as SecurityEvent });
  }
  return kept;
}

/** The kept events of the earlier steps that belong to the chain (from its start), in time order. */
export function chainEvidence(state: SequenceState, chainStart: number): SecurityEvent[] {
  return (state.kept ?? [])
    .flatMap(stepEvidence)
    .filter((kept) => kept.ts >= chainStart)
    .sort((a, b) => a.ts - b.ts)
    .map((kept) => kept.event);
}

/** The state as a snapshot holds it: the evidence as lists of `{ ts, event }`. */
export function savedSequenceState(state: SequenceState): SequenceState {
  if (state.kept === undefined) return state;
  const { kept, ...rest } = state;
  return {
    ...rest,
    events: Array.from(kept, (step) => (step === undefined ? undefined : stepEvidence(step))),
  };
}

/** A state from a snapshot (see savedSequenceState), its evidence read into rings. */
export function loadedSequenceState(saved: SequenceState): SequenceState {
  if (saved.events === undefined) return saved;
  const { events, ...state } = saved;
  state.kept = Array.from(events, (step) => {
    if (step === undefined || step === null) return undefined;
    let ring: StepEvidence | undefined;
    for (const { ts, event } of step.slice(-EVIDENCE_PER_STEP)) {
      if (ring === undefined) ring = newStepEvidence(ts, event);
      else {
        ring.times[ring.size] = ts;
        ring.events[ring.size++] = event;
      }
    }
    return ring;
  });
  return state;
}
