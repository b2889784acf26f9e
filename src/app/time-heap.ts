import type { SecurityEvent } from '../core/index.ts';

interface Entry {
  ts: number;
  /** Arrival order: equal times leave in the order they came. */
  seq: number;
  event: SecurityEvent;
}

/** A min-heap of events by (time, arrival); events without a valid time sort first. */
export class TimeHeap {
  private readonly entries: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.entries.length;
  }

  push(event: SecurityEvent, ts: number): void {
    const entries = this.entries;
    const entry = { ts: Number.isNaN(ts) ? -Infinity : ts, seq: this.seq++, event };
    let at = entries.length;
    entries.push(entry);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(entry, entries[parent] as Entry)) break;
      entries[at] = entries[parent] as Entry;
      at = parent;
    }
    entries[at] = entry;
  }

  /** Removes the earliest event; `ts` is -Infinity for one without a valid time. */
  pop(): Entry | undefined {
    const entries = this.entries;
    const top = entries[0];
    const last = entries.pop();
    if (top === undefined || last === undefined || entries.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= entries.length) break;
      const right = left + 1;
      const child =
        right < entries.length && before(entries[right] as Entry, entries[left] as Entry) ? right : left;
      if (!before(entries[child] as Entry, last)) break;
      entries[at] = entries[child] as Entry;
      at = child;
    }
    entries[at] = last;
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);
}
