import { MinHeap } from './min-heap.ts';

interface Timer {
  due: number;
  seq: number;
  fire: () => void;
}

/**
 * Event-time timers (episode resolution, silence deadlines). A timer fires once event time has
 * moved strictly past its due time, so an event exactly at the due time is seen first.
 */
export class TimerQueue {
  private readonly heap = new MinHeap<Timer>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
  private seq = 0;
  /** The event time timers are being run for. */
  now = -Infinity;

  get size(): number {
    return this.heap.size;
  }

  schedule(due: number, fire: () => void): void {
    this.heap.push({ due, seq: this.seq++, fire });
  }

  /** Fires, in due order, every timer due before `now`. */
  runBefore(now: number): void {
    if (now > this.now) this.now = now;
    let top = this.heap.peek();
    while (top !== undefined && top.due < now) {
      this.heap.pop();
      top.fire();
      top = this.heap.peek();
    }
  }
}
