import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { MinHeap } from './min-heap.ts';
import { ReorderBuffer } from './reorder-buffer.ts';

type Step = { op: 'push'; ts: number; ceiling: number } | { op: 'release'; ts: number } | { op: 'save' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('push' as const),
      ts: fc.integer({ min: 0, max: 60 }),
      ceiling: fc.constantFrom(Infinity, 30, 45),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('release' as const), ts: fc.integer({ min: 0, max: 70 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'save' as const }) },
);

/** Runs `steps` on the buffer and on the object-per-event queue it replaced: both hand on the same. */
function checkAgainstOld(tolerance: number, steps: Step[], everyStep = true): void {
  const buffer = new ReorderBuffer(tolerance);
  const old = new ObjectQueueBuffer(tolerance);
  const got: [number, SecurityEvent][] = [];
  const want: [number, SecurityEvent][] = [];
  steps.forEach((s, n) => {
    const event = { n } as unknown as SecurityEvent;
    if (s.op === 'push')
      expect(buffer.push(s.ts, event, (ts, e) => got.push([ts, e]), s.ceiling)).toBe(
        old.push(s.ts, event, (ts, e) => want.push([ts, e]), s.ceiling),
      );
    else if (s.op === 'release') {
      buffer.releaseUpTo(s.ts, (ts, e) => got.push([ts, e]));
      old.releaseUpTo(s.ts, (ts, e) => want.push([ts, e]));
    } else expect(buffer.save()).toEqual(old.save());
    if (!everyStep) {
      if (n % 97 !== 0) return;
      expect(buffer.save()).toEqual(old.save());
      const newest = s.op === 'push' ? s.ts : 0;
      for (let ts = Math.max(0, newest - 8); ts <= newest; ts++)
        for (let seq = Math.max(0, n - 40); seq <= n; seq++)
          expect(buffer.isReleased(ts, seq)).toBe(old.isReleased(ts, seq));
      return;
    }
    expect(got).toEqual(want);
    expect(buffer.buffered).toBe(old.buffered);
    expect(buffer.lastSeq).toBe(old.lastSeq);
    for (let seq = 0; seq <= n; seq++)
      expect(buffer.isReleased(s.op === 'save' ? 30 : s.ts, seq)).toBe(
        old.isReleased(s.op === 'save' ? 30 : s.ts, seq),
      );
  });
  buffer.drain((ts, e) => got.push([ts, e]));
  old.drain((ts, e) => want.push([ts, e]));
  expect(got).toEqual(want);
}

describe('ReorderBuffer', () => {
  it('hands on, holds and saves events as the object-per-event queue it replaced did', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 2, 10),
        fc.array(step, { minLength: 1, maxLength: 80 }),
        (tolerance, steps) => checkAgainstOld(tolerance, steps),
      ),
      { numRuns: 300 },
    );
  });

  it('keeps handing on in order once its queue was trimmed (past 1024 taken)', () => {
    const steps: Step[] = Array.from({ length: 3000 }, (_, i) => ({
      op: 'push',
      ts: Math.floor(i / 3) - (i % 7 === 3 ? 2 : 0),
      ceiling: Infinity,
    }));
    checkAgainstOld(4, steps, false);
  });

  it('keeps order when its ring wraps round and when it grows while wrapped (over 1024 held)', () => {
    // ~300 held while time runs one per event (the ring wraps), then four events per ms: ~1200.
    const steps: Step[] = Array.from({ length: 6000 }, (_, i) => ({
      op: 'push',
      ts: (i < 2500 ? i : 2500 + Math.floor((i - 2500) / 4)) - (i % 11 === 5 ? 3 : 0),
      ceiling: Infinity,
    }));
    steps.splice(4000, 0, { op: 'save' }, { op: 'release', ts: 2700 });
    checkAgainstOld(300, steps, false);
  });

  it('restores what it saved', () => {
    const buffer = new ReorderBuffer(10);
    for (const ts of [5, 3, 8, 8, 1]) buffer.push(ts, { ts } as unknown as SecurityEvent, () => {});
    const restored = new ReorderBuffer(10);
    restored.load(buffer.save());
    expect(restored.save()).toEqual(buffer.save());
    expect(restored.buffered).toBe(5);
  });
});

// The buffer as it was before its in-order queue became three arrays (one object per event).
interface Pending {
  ts: number;
  seq: number;
  event: SecurityEvent;
}

type Release = (ts: number, event: SecurityEvent) => void;

class ObjectQueueBuffer {
  private readonly inOrder: Pending[] = [];
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
    return this.inOrder.length - this.head + this.outOfOrder.size;
  }

  /**
   * Adds an event and hands on those the tolerance no longer holds back. Returns false when late.
   * `ceiling` (live: the wall clock) caps how far an event can move event time: one dated ahead
   * of it waits here until the clock reaches it, instead of making everything after it late.
   */
  push(ts: number, event: SecurityEvent, release: Release, ceiling = Infinity): boolean {
    if (ts < this.released) return false;
    const pending = { ts, seq: this.seq++, event };
    if (ts >= this.newest) {
      this.inOrder.push(pending);
      this.newest = ts;
    } else {
      this.outOfOrder.push(pending);
    }
    this.releaseUpTo(Math.min(this.newest, ceiling) - this.tolerance, release);
    return true;
  }

  /** Hands on every event at or before `ts` (live mode calls this as the clock moves). */
  releaseUpTo(ts: number, release: Release): void {
    for (;;) {
      const queued = this.inOrder[this.head];
      const heaped = this.outOfOrder.peek();
      const next =
        heaped !== undefined &&
        (queued === undefined ||
          heaped.ts < queued.ts ||
          (heaped.ts === queued.ts && heaped.seq < queued.seq))
          ? heaped
          : queued;
      if (next === undefined || next.ts > ts) break;
      if (next === heaped) {
        this.outOfOrder.pop();
      } else {
        this.inOrder[this.head++] = undefined as unknown as Pending;
        if (this.head > 1024 && this.head * 2 > this.inOrder.length) {
          this.inOrder.splice(0, this.head);
          this.head = 0;
        }
      }
      this.released = next.ts;
      this.releasedSeq = next.seq;
      release(next.ts, next.event);
    }
    if (ts > this.released) {
      // Everything that arrived so far and is dated up to `ts` has been handed on.
      this.released = ts;
      this.releasedSeq = this.seq - 1;
    }
  }

  /** What a snapshot needs to rebuild the buffer: the held events in order, and the clock. */
  save(): { held: [number, SecurityEvent][]; newest: number; released: number } {
    const held: Pending[] = [...this.inOrder.slice(this.head), ...this.outOfOrder.items()];
    held.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    return { held: held.map((p) => [p.ts, p.event]), newest: this.newest, released: this.released };
  }

  load(saved: { held: [number, SecurityEvent][]; newest: number; released: number }): void {
    for (const [ts, event] of saved.held) this.inOrder.push({ ts, seq: this.seq++, event });
    this.newest = saved.newest;
    this.released = saved.released;
  }

  /** End of input: hands on everything. */
  drain(release: Release): void {
    this.releaseUpTo(this.newest, release);
  }
}
