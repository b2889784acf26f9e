import { isObject } from '../../core/index.ts';

/**
 * Where a document-reading source stands, as plain JSON (the pipeline checkpoints it).
 * Invariant: every matching document with a timestamp before `from` has been delivered (or was
 * more than the overlap late), and `seen` lists the `_id`s delivered with a timestamp at or after
 * `from`, so re-reading from `from` delivers nothing twice.
 */
export interface EsPosition {
  /** Epoch ms, inclusive lower bound of the next query. */
  from: number;
  /** `_id` → its timestamp (epoch ms). */
  seen: Record<string, number>;
}

/** Past this many remembered ids, `from` moves up to forget the oldest (see `accept`). */
export const MAX_SEEN_IDS = 100_000;

/** A position from a checkpoint, or undefined when it is not one of ours. */
export function restorePosition(value: unknown): EsPosition | undefined {
  if (!isObject(value) || typeof value.from !== 'number' || !Number.isFinite(value.from)) return undefined;
  if (!isObject(value.seen)) return undefined;
  const seen: Record<string, number> = {};
  for (const [id, timestamp] of Object.entries(value.seen)) {
    if (typeof timestamp !== 'number') return undefined;
    seen[id] = timestamp;
  }
  return { from: value.from, seen };
}

/** The position of one source while it reads: drops ids delivered before, forgets old ones. */
export class PositionTracker {
  #from: number;
  readonly #seen = new Map<string, number>();

  constructor(position: EsPosition) {
    this.#from = position.from;
    for (const [id, timestamp] of Object.entries(position.seen)) this.#seen.set(id, timestamp);
  }

  get from(): number {
    return this.#from;
  }

  /**
   * True when the document is new: not delivered before and not older than `from` (a document
   * before `from` was delivered by an earlier poll, or its id was forgotten to stay bounded).
   */
  accept(id: string, timestamp: number): boolean {
    if (timestamp < this.#from || this.#seen.has(id)) return false;
    this.#seen.set(id, timestamp);
    if (this.#seen.size > MAX_SEEN_IDS) this.#forgetOldest();
    return true;
  }

  /** Moves `from` up (never down) and forgets the ids before it. */
  advance(from: number): void {
    if (from <= this.#from) return;
    this.#from = from;
    for (const [id, timestamp] of this.#seen) {
      if (timestamp < from) this.#seen.delete(id);
    }
  }

  /** A copy for a batch: later changes do not show in it. */
  snapshot(): EsPosition {
    return { from: this.#from, seen: Object.fromEntries(this.#seen) };
  }

  /** More ids than allowed within the overlap: give up on catching late documents that far back. */
  #forgetOldest(): void {
    const timestamps = [...this.#seen.values()].sort((a, b) => a - b);
    const cut = timestamps[timestamps.length - Math.floor(MAX_SEEN_IDS * 0.9)] as number;
    this.advance(cut);
  }
}
