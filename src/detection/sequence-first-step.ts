import type { SecurityEvent } from '../core/index.ts';
import { evidenceOf } from '../core/index.ts';
import { growFloat64, growSlots, growUint8 } from './columns.ts';
import type { SequenceState } from './sequence-state.ts';
import { EVIDENCE_PER_STEP, newSequenceState, ringEvidence } from './sequence-state.ts';
import { TimeRings } from './time-rings.ts';

/**
 * What a sequence keeps of the keys that have seen only events of its first step (most keys: the
 * lockout or the success after the failures never comes), in columns by slot rather than a state
 * object per key that lived as long as its window: the newest `count` times of the step in the
 * order they came, and the newest EVIDENCE_PER_STEP events that may be shown with their times, a
 * ring per slot (`size` kept, `next` the oldest once full) as StepEvidence holds them.
 */
export class FirstStepColumns {
  private readonly times = new TimeRings();
  private shownTimes = new Float64Array(0);
  private readonly shown: (SecurityEvent | undefined)[] = [];
  private size = new Uint8Array(0);
  private next = new Uint8Array(0);

  /** `count`: the times the first step needs; `steps`: how many the sequence has. */
  constructor(
    private readonly count: number,
    private readonly steps: number,
  ) {}

  grow(capacity: number): void {
    this.times.grow(capacity);
    this.shownTimes = growFloat64(this.shownTimes, capacity * EVIDENCE_PER_STEP);
    growSlots(this.shown, capacity * EVIDENCE_PER_STEP);
    this.size = growUint8(this.size, capacity);
    this.next = growUint8(this.next, capacity);
  }

  /** How many times `slot` holds (at most `count`). */
  length(slot: number): number {
    return this.times.length(slot);
  }

  /** Whether the step is complete for `slot` with a chain that started within `windowMs` of `now`. */
  completeWithin(slot: number, now: number, windowMs: number): boolean {
    return this.times.length(slot) >= this.count && now - this.times.at(slot, 0) <= windowMs;
  }

  /** Adds an event of the step at `ts`; `shown`: it may be shown, so it is kept as evidence. */
  record(slot: number, ts: number, event: SecurityEvent, shown: boolean): void {
    if (shown) this.keepShown(slot, ts, evidenceOf(event));
    if (this.times.length(slot) === this.count) this.times.dropOldest(slot);
    this.times.append(slot, ts);
  }

  /** The state object the slot's columns stand for (as sequence-state.ts would have made it). */
  state(slot: number): SequenceState {
    const made = newSequenceState(this.steps);
    made.times[0] = this.times.toArray(slot);
    const size = this.size[slot] as number;
    if (size > 0) {
      const at = slot * EVIDENCE_PER_STEP;
      const times = Array.from(this.shownTimes.subarray(at, at + EVIDENCE_PER_STEP));
      const events = this.shown.slice(at, at + EVIDENCE_PER_STEP);
      made.kept = [ringEvidence(times, events, size, this.next[slot] as number)];
    }
    return made;
  }

  clear(slot: number): void {
    this.times.clear(slot);
    if (this.size[slot] === 0) return;
    this.size[slot] = 0;
    this.next[slot] = 0;
    const at = slot * EVIDENCE_PER_STEP;
    for (let i = at; i < at + EVIDENCE_PER_STEP; i++) this.shown[i] = undefined;
  }

  reset(): void {
    this.times.reset();
    this.shownTimes = new Float64Array(0);
    this.shown.length = 0;
    this.size = new Uint8Array(0);
    this.next = new Uint8Array(0);
  }

  private keepShown(slot: number, ts: number, event: SecurityEvent): void {
    const size = this.size[slot] as number;
    let at = size;
    if (size < EVIDENCE_PER_STEP) this.size[slot] = size + 1;
    else {
      at = this.next[slot] as number;
      this.next[slot] = (at + 1) % EVIDENCE_PER_STEP;
    }
    this.shownTimes[slot * EVIDENCE_PER_STEP + at] = ts;
    this.shown[slot * EVIDENCE_PER_STEP + at] = event;
  }
}
