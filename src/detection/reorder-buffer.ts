import type { SecurityEvent } from '../core/index.ts';
import { MinHeap } from './min-heap.ts';

interface Pending {
  ts: number;
  seq: number;
  event: SecurityEvent;
}

type Release = (ts: number, event: SecurityEvent) => void;

/**
 * Holds events for `toleranceMs` of event time so that slightly out-of-order input is handed
 * on in timestamp order (ties keep arrival order). Everything downstream may then assume order.
 * Input is mostly in order already: those events wait in a plain queue, and only the ones that
 * arrive out of order pay for the heap.
 */
export class ReorderBuffer {
  /** Events that arrived in order, as three queues (no object per event): time, arrival, event. */
  private readonly inTimes: number[] = [];
  private readonly inSeqs: number[] = [];
  private readonly inEvents: (SecurityEvent | undefined)[] = [];
  private head = 0;
  private readonly outOfOrder = new MinHeap<Pending>(
    (a, b) => a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq),
  );
  private seq = 0;
  private newest = -Infinity;
  /** Event time up to which events have been handed on; an event older than this is late. */
  private released = -Infinity;
  /** With `released`: the arrival number up to which events at exactly that time were handed on. */
  private releasedSeq = -1;

  constructor(readonly tolerance: number) {}

  /** The arrival number `push` gave the last event it took. */
  get lastSeq(): number {
    return this.seq - 1;
  }

  /** Whether the event that arrived `seq`-th, dated `ts`, has been handed on already. */
  isReleased(ts: number, seq: number): boolean {
    return ts < this.released || (ts === this.released && seq <= this.releasedSeq);
  }

  get buffered(): number {
    return this.inTimes.length - this.head + this.outOfOrder.size;
  }

  /**
   * Adds an event and hands on those the tolerance no longer holds back. Returns false when late.
   * `ceiling` (live: the wall clock) caps how far an event can move event time: one dated ahead
   * of it waits here until the clock reaches it, instead of making everything after it late.
   */
  push(ts: number, event: SecurityEvent, release: Release, ceiling = Infinity): boolean {
    if (ts < this.released) return false;
    if (ts >= this.newest) {
      this.inTimes.push(ts);
      this.inSeqs.push(this.seq++);
      this.inEvents.push(event);
      this.newest = ts;
    } else {
      this.outOfOrder.push({ ts, seq: this.seq++, event });
    }
    this.releaseUpTo(Math.min(this.newest, ceiling) - this.tolerance, release);
    return true;
  }

  /** Hands on every event at or before `ts` (live mode calls this as the clock moves). */
  releaseUpTo(ts: number, release: Release): void {
    for (;;) {
      const queued = this.head < this.inTimes.length;
      const heaped = this.outOfOrder.peek();
      const queuedTs = queued ? (this.inTimes[this.head] as number) : Infinity;
      const queuedSeq = queued ? (this.inSeqs[this.head] as number) : Infinity;
      const fromHeap =
        heaped !== undefined &&
        (!queued || heaped.ts < queuedTs || (heaped.ts === queuedTs && heaped.seq < queuedSeq));
      if (!fromHeap && !queued) break;
      const nextTs = fromHeap ? heaped.ts : queuedTs;
      if (nextTs > ts) break;
      let event: SecurityEvent;
      if (fromHeap) {
        this.outOfOrder.pop();
        this.releasedSeq = heaped.seq;
        event = heaped.event;
      } else {
        event = this.takeQueued();
        this.releasedSeq = queuedSeq;
      }
      this.released = nextTs;
      release(nextTs, event);
    }
    if (ts > this.released) {
      // Everything that arrived so far and is dated up to `ts` has been handed on.
      this.released = ts;
      this.releasedSeq = this.seq - 1;
    }
  }

  /** The oldest in-order event, taken off its queue (trimmed once half of it is taken). */
  private takeQueued(): SecurityEvent {
    const event = this.inEvents[this.head] as SecurityEvent;
    this.inEvents[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.inTimes.length) {
      // Moved down in place: splice would also return a list of what it took out.
      dropFirst(this.inTimes, this.head);
      dropFirst(this.inSeqs, this.head);
      dropFirst(this.inEvents, this.head);
      this.head = 0;
    }
    return event;
  }

  /** What a snapshot needs to rebuild the buffer: the held events in order, and the clock. */
  save(): { held: [number, SecurityEvent][]; newest: number; released: number } {
    const held: Pending[] = [...this.outOfOrder.items()];
    for (let i = this.head; i < this.inTimes.length; i++)
      held.push({
        ts: this.inTimes[i] as number,
        seq: this.inSeqs[i] as number,
        event: this.inEvents[i] as SecurityEvent,
      });
    held.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    return { held: held.map((p) => [p.ts, p.event]), newest: this.newest, released: this.released };
  }

  load(saved: { held: [number, SecurityEvent][]; newest: number; released: number }): void {
    for (const [ts, event] of saved.held) {
      this.inTimes.push(ts);
      this.inSeqs.push(this.seq++);
      this.inEvents.push(event);
    }
    this.newest = saved.newest;
    this.released = saved.released;
  }

  /** End of input: hands on everything. */
  drain(release: Release): void {
    this.releaseUpTo(this.newest, release);
  }
}

function dropFirst(list: unknown[], count: number): void {
  list.copyWithin(0, count);
  list.length -= count;
}
