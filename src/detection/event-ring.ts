import type { SecurityEvent } from '../core/index.ts';

const FIRST_CAPACITY = 1024;

/**
 * A first-in first-out queue of events with their time and arrival number, in a ring of three
 * columns that grows (doubling) only when full: a queue that fills and empties again and again
 * allocates nothing once it is as large as it gets (arrays trimmed and pushed again would).
 */
export class EventRing {
  private times = new Float64Array(FIRST_CAPACITY);
  private seqs = new Float64Array(FIRST_CAPACITY);
  private events: (SecurityEvent | undefined)[] = new Array<undefined>(FIRST_CAPACITY).fill(undefined);
  private mask = FIRST_CAPACITY - 1;
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(ts: number, seq: number, event: SecurityEvent): void {
    if (this.count === this.times.length) this.grow();
    const at = (this.head + this.count) & this.mask;
    this.times[at] = ts;
    this.seqs[at] = seq;
    this.events[at] = event;
    this.count++;
  }

  /** The time of the oldest event (the queue is not empty). */
  firstTs(): number {
    return this.times[this.head] as number;
  }

  /** The arrival number of the oldest event (the queue is not empty). */
  firstSeq(): number {
    return this.seqs[this.head] as number;
  }

  /** Takes the oldest event off (the queue is not empty). */
  shift(): SecurityEvent {
    const event = this.events[this.head] as SecurityEvent;
    this.events[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return event;
  }

  /** Calls `visit` with every event, oldest first. */
  forEach(visit: (ts: number, seq: number, event: SecurityEvent) => void): void {
    for (let i = 0; i < this.count; i++) {
      const at = (this.head + i) & this.mask;
      visit(this.times[at] as number, this.seqs[at] as number, this.events[at] as SecurityEvent);
    }
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const events = new Array<SecurityEvent | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & this.mask;
      times[i] = this.times[from] as number;
      seqs[i] = this.seqs[from] as number;
      events[i] = this.events[from];
    }
    this.times = times;
    this.seqs = seqs;
    this.events = events;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
