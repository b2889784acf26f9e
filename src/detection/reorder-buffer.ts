import type { SecurityEvent } from '../core/index.ts';
import { EventRing } from './event-ring.ts';
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
  /** Events that arrived in order (no object per event). */
  private readonly inOrder = new EventRing();
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
    return this.inOrder.size + this.outOfOrder.size;
  }

  /**
   * Adds an event and hands on those the tolerance no longer holds back. Returns false when late.
   * `ceiling` (live: the wall clock) caps how far an event can move event time: one dated ahead
   * of it waits here until the clock reaches it, instead of making everything after it late.
   */
  push(ts: number, event: SecurityEvent, release: Release, ceiling = Infinity): boolean {
    if (ts < this.released) return false;
    if (ts >= this.newest) {
      this.inOrder.push(ts, this.seq++, event);
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
      const queued = this.inOrder.size > 0;
      const heaped = this.outOfOrder.peek();
      const queuedTs = queued ? this.inOrder.firstTs() : Infinity;
      const queuedSeq = queued ? this.inOrder.firstSeq() : Infinity;
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
        event = this.inOrder.shift();
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

  /** What a snapshot needs to rebuild the buffer: the held events in order, and the clock. */
  save(): { held: [number, SecurityEvent][]; newest: number; released: number } {
    const held: Pending[] = [...this.outOfOrder.items()];
    this.inOrder.forEach((ts, seq, event) => held.push({ ts, seq, event }));
    held.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    return { held: held.map((p) => [p.ts, p.event]), newest: this.newest, released: this.released };
  }

  load(saved: { held: [number, SecurityEvent][]; newest: number; released: number }): void {
    for (const [ts, event] of saved.held) this.inOrder.push(ts, this.seq++, event);
    this.newest = saved.newest;
    this.released = saved.released;
  }

  /** End of input: hands on everything. */
  drain(release: Release): void {
    this.releaseUpTo(this.newest, release);
  }
}
