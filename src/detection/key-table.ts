import type { SlotStore } from './columns.ts';
import { growInt32 } from './columns.ts';

const FIRST_CAPACITY = 1024;

/**
 * The group keys of one rule, each mapped to a small integer slot under which the rule's
 * condition keeps its state in typed-array columns (no object per key). A key is freed once it
 * has been quiet for a whole window: every `generationMs` of event time the keys not touched in
 * the generation before are dropped, except those `keep` names (the ones with an open episode).
 */
export class KeyTable {
  private slots = new Map<string, number>();
  private generation = new Int32Array(0);
  private freeSlots: number[] = [];
  private capacity = 0;
  private highWater = 0;
  private current = 0;
  private rotateAt = -Infinity;

  constructor(
    private readonly generationMs: number,
    private readonly store: SlotStore,
    private readonly keep: (key: string) => boolean,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /** The slot of `key` (-1 when none), moving it to the current generation. */
  take(key: string, now: number): number {
    if (now >= this.rotateAt) this.rotate(now);
    const slot = this.slots.get(key);
    if (slot === undefined) return -1;
    this.generation[slot] = this.current;
    return slot;
  }

  /** A fresh, empty slot for `key`, in the current generation. */
  add(key: string): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.highWater === this.capacity) this.enlarge();
      slot = this.highWater++;
    }
    this.slots.set(key, slot);
    this.generation[slot] = this.current;
    return slot;
  }

  /** Frees the slot of `key` (a fresh one whose event did not count). */
  remove(key: string, slot: number): void {
    this.slots.delete(key);
    this.store.free(slot);
    this.freeSlots.push(slot);
  }

  /** The slot of `key` without touching it; -1 when none. */
  find(key: string): number {
    return this.slots.get(key) ?? -1;
  }

  /**
   * Puts back the keys of a snapshot taken at event time `now`, as one fresh generation: the
   * first event after a restart must not rotate them away as if they had been quiet.
   */
  restore(keys: Iterable<string>, now: number, load: (key: string, slot: number) => void): void {
    for (const key of keys) load(key, this.add(key));
    if (Number.isFinite(now)) this.rotateAt = now + this.generationMs;
  }

  /** Every key and its slot, for a snapshot. */
  entries(): [string, number][] {
    return [...this.slots];
  }

  /** Lets time pass without events, so quiet keys are freed in live operation too. */
  advance(now: number): void {
    if (now >= this.rotateAt) this.rotate(now);
  }

  private rotate(now: number): void {
    // Keys last touched before the current generation were quiet for more than a generation:
    // their windows are empty. After a gap of two generations or more, the same holds for all.
    const currentIsStale = now >= this.rotateAt + this.generationMs;
    const oldest = currentIsStale ? this.current + 1 : this.current;
    const survivors = new Map<string, number>();
    for (const [key, slot] of this.slots) {
      if ((this.generation[slot] as number) >= oldest || this.keep(key)) {
        survivors.set(key, slot);
      } else {
        this.store.free(slot);
        this.freeSlots.push(slot);
      }
    }
    // A new map rather than deletions: a map only ever grows its table.
    this.slots = survivors;
    if (survivors.size === 0 && this.highWater > 0) this.reset();
    this.current++;
    this.rotateAt = now + this.generationMs;
  }

  /** Every key went quiet: gives the columns back, as after a burst of a million keys. */
  private reset(): void {
    this.freeSlots = [];
    this.highWater = 0;
    this.capacity = 0;
    this.generation = new Int32Array(0);
    this.store.reset();
  }

  private enlarge(): void {
    this.capacity = Math.max(FIRST_CAPACITY, this.capacity * 2);
    this.generation = growInt32(this.generation, this.capacity);
    this.store.grow(this.capacity);
  }
}
