import type { SecurityEvent } from '../core/index.ts';

interface Held {
  ts: number;
  event: SecurityEvent;
  /** Later events that agree with this one's time (not more than the jump before it). */
  along: number;
  /** Later events dated more than the jump before this one: the input went back. */
  back: number;
  /** The first of those. */
  backTo?: number;
}

type Emit = (event: SecurityEvent, ts: number, future: boolean) => void;

export interface CorroboratedTimeOptions {
  /** How far an event may be dated beyond the newest corroborated time without proof (default 5 min). */
  maxJumpMs?: number;
  /** How many later events decide: that many agreeing with a jump, or going back before it (default 3). */
  confirmations?: number;
}

/**
 * Event time for input without a wall clock (replay): an event dated more than `maxJumpMs`
 * beyond what the input has established is held until later events decide. If `confirmations`
 * of them go back to the old time it was an outlier: it is `future`, and is handed on at the time
 * of the event before it (as Splunk does with a timestamp out of range), keeping its `@timestamp`
 * for the evidence. If `confirmations` agree with it, it was a real gap (a quiet night in a log)
 * and time moves on. At the end of input nothing contradicts what is held: it is real.
 * Events are handed on in input order.
 */
export class CorroboratedTime {
  private readonly maxJumpMs: number;
  private readonly confirmations: number;
  private readonly held: Held[] = [];
  /** The newest time the input has corroborated. */
  private trusted = -Infinity;

  constructor(options: CorroboratedTimeOptions = {}) {
    this.maxJumpMs = options.maxJumpMs ?? 300_000;
    this.confirmations = options.confirmations ?? 3;
  }

  /** The common case, without a call per event: nothing is held and `ts` moves time normally. */
  admitsAtOnce(ts: number): boolean {
    if (this.held.length > 0 || !(ts <= this.trusted + this.maxJumpMs || Number.isNaN(ts))) return false;
    if (ts > this.trusted) this.trusted = ts;
    return true;
  }

  push(event: SecurityEvent, ts: number, emit: Emit): void {
    if (Number.isNaN(ts)) {
      if (this.held.length === 0) emit(event, ts, false);
      else this.held.push({ ts, event, along: this.confirmations, back: 0 });
      return;
    }
    for (const held of this.held) {
      if (ts >= held.ts - this.maxJumpMs) held.along++;
      else {
        held.back++;
        held.backTo ??= ts;
      }
    }
    if (this.held.length === 0 && ts <= this.trusted + this.maxJumpMs) {
      this.admit(event, ts, emit);
      return;
    }
    this.held.push({ ts, event, along: 0, back: 0 });
    this.settle(emit, false);
  }

  /** End of input: what is still held was never contradicted. */
  end(emit: Emit): void {
    this.settle(emit, true);
  }

  private settle(emit: Emit, atEnd: boolean): void {
    for (;;) {
      const first = this.held[0];
      if (first === undefined) return;
      if (Number.isNaN(first.ts)) emit(first.event, first.ts, false);
      else if (first.ts <= this.trusted + this.maxJumpMs) this.admit(first.event, first.ts, emit);
      else if (first.back >= this.confirmations)
        emit(first.event, Number.isFinite(this.trusted) ? this.trusted : (first.backTo as number), true);
      else if (atEnd || first.along >= this.confirmations) this.admit(first.event, first.ts, emit);
      else return;
      this.held.shift();
    }
  }

  private admit(event: SecurityEvent, ts: number, emit: Emit): void {
    if (ts > this.trusted) this.trusted = ts;
    emit(event, ts, false);
  }
}
