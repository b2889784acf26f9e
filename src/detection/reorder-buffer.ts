import type { SecurityEvent } from '../core/index.ts';
import { MinHeap } from './min-heap.ts';

interface Pending {
  ts: number;
  seq: number;
  event: SecurityEvent;
}

/**
 * Holds events for `toleranceMs` of event time so that slightly out-of-order input is handed
 * on in timestamp order (ties keep arrival order). Everything downstream may then assume order.
 */
export class ReorderBuffer {
  private readonly heap = new MinHeap<Pending>((a, b) => a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq));
  private seq = 0;
  private newest = -Infinity;
  /** Event time up to which events have been handed on; an event older than this is late. */
  private released = -Infinity;

  constructor(private readonly toleranceMs: number) {}

  get buffered(): number {
    return this.heap.size;
  }

  /** Adds an event and hands on those the tolerance no longer holds back. Returns false when late. */
  push(ts: number, event: SecurityEvent, release: (ts: number, event: SecurityEvent) => void): boolean {
    if (ts < this.released) return false;
    this.heap.push({ ts, seq: this.seq++, event });
    if (ts > this.newest) this.newest = ts;
    this.releaseUpTo(this.newest - this.toleranceMs, release);
    return true;
  }

  /** Hands on every event at or before `ts` (live mode calls this as the clock moves). */
  releaseUpTo(ts: number, release: (ts: number, event: SecurityEvent) => void): void {
    let top = this.heap.peek();
    while (top !== undefined && top.ts <= ts) {
      this.heap.pop();
      this.released = top.ts;
      release(top.ts, top.event);
      top = this.heap.peek();
    }
    if (ts > this.released) this.released = ts;
  }

  /** End of input: hands on everything. */
  drain(release: (ts: number, event: SecurityEvent) => void): void {
    this.releaseUpTo(this.newest, release);
  }
}
