import type { SecurityEvent } from '../core/index.ts';

/** An event waiting in the reorder buffer: its time, its arrival number there, and itself. */
export interface Held {
  ts: number;
  seq: number;
  event: SecurityEvent;
}

type IsReleased = (ts: number, seq: number) => boolean;

/**
 * The events of one rule that wait in the reorder buffer, per group key, in the order the buffer
 * will hand them on (time, then arrival). Keys are forgotten once the buffer has handed theirs on.
 */
export class HeldEvents {
  private readonly byKey = new Map<string, Held[]>();
  /** Keys in arrival order of their events, to forget released ones without a scan. */
  private readonly arrivals: { key: string; held: Held }[] = [];
  private head = 0;

  constructor(private readonly isReleased: IsReleased) {}

  get size(): number {
    return this.byKey.size;
  }

  add(key: string, held: Held): void {
    this.sweep();
    let list = this.byKey.get(key);
    if (list === undefined) {
      list = [];
      this.byKey.set(key, list);
    }
    let at = list.length;
    while (at > 0 && (list[at - 1] as Held).ts > held.ts) at--;
    list.splice(at, 0, held);
    this.arrivals.push({ key, held });
  }

  /** The key's events still waiting, in release order. */
  waiting(key: string): readonly Held[] {
    const list = this.byKey.get(key);
    if (list === undefined) return [];
    const first = list.findIndex((held) => !this.isReleased(held.ts, held.seq));
    if (first === -1) {
      this.byKey.delete(key);
      return [];
    }
    if (first > 0) list.splice(0, first);
    return list;
  }

  /** Forgets keys whose events were all handed on, oldest arrivals first. */
  private sweep(): void {
    for (;;) {
      const next = this.arrivals[this.head];
      if (next === undefined || !this.isReleased(next.held.ts, next.held.seq)) break;
      this.arrivals[this.head++] = undefined as unknown as { key: string; held: Held };
      this.waiting(next.key);
    }
    if (this.head > 1024 && this.head * 2 > this.arrivals.length) {
      this.arrivals.splice(0, this.head);
      this.head = 0;
    }
  }
}
