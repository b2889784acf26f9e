import type { SlotStore } from './columns.ts';
import type { IndexedTable, KeyIndex } from './key-index.ts';
import { KeyIndex as OwnIndex } from './key-index.ts';

/** Generation of a slot this rule does not hold. */
const ABSENT = -1;
const FIRST_CAPACITY = 1024;

/**
 * The group keys one rule holds state for. Each key's slot is its id in the shared key index
 * (key-index.ts), and the rule's condition keeps the state in typed-array columns under it (no
 * object per key). A key is freed once it has been quiet for a whole window: every
 * `generationMs` of event time the keys not touched in the generation before are dropped, except
 * the slots `keep` names (those of keys with an open episode).
 */
export class KeyTable implements IndexedTable {
  private generation = new Int32Array(0);
  private held = 0;
  private current = 0;
  private rotateAt = -Infinity;

  constructor(
    private readonly generationMs: number,
    private readonly store: SlotStore,
    private readonly keep: (slot: number) => boolean,
    private readonly index: KeyIndex = new OwnIndex(),
  ) {
    index.attach(this);
  }

  get size(): number {
    return this.held;
  }

  /** The slot of `key` (-1 when none), moving it to the current generation. */
  take(key: string, now: number): number {
    if (now >= this.rotateAt) this.rotate(now);
    const slot = this.find(key);
    if (slot !== -1) this.generation[slot] = this.current;
    return slot;
  }

  /** A fresh, empty slot for `key` (`owned`: see KeyIndex.hold), in the current generation. */
  add(key: string, owned = false): number {
    const slot = this.index.hold(key, owned);
    // Columns grow with the ids this rule holds, not with those of every rule sharing the index.
    if (slot >= this.generation.length)
      this.grow(Math.max(FIRST_CAPACITY, 2 ** Math.ceil(Math.log2(slot + 1))));
    this.generation[slot] = this.current;
    this.held++;
    return slot;
  }

  /** Frees a fresh slot whose event did not count. */
  remove(slot: number): void {
    this.drop(slot);
    this.index.collect();
  }

  /** The slot of `key` without touching it; -1 when none. */
  find(key: string): number {
    const slot = this.index.find(key);
    return slot === -1 || slot >= this.generation.length || this.generation[slot] === ABSENT ? -1 : slot;
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
    return [...this.index.entries()].filter(([key]) => this.find(key) !== -1);
  }

  /** Lets time pass without events, so quiet keys are freed in live operation too. */
  advance(now: number): void {
    if (now >= this.rotateAt) this.rotate(now);
  }

  private grow(capacity: number): void {
    const grown = new Int32Array(capacity).fill(ABSENT);
    grown.set(this.generation);
    this.generation = grown;
    this.store.grow(capacity);
  }

  reset(): void {
    this.generation = new Int32Array(0);
    this.store.reset();
  }

  private drop(slot: number): void {
    this.generation[slot] = ABSENT;
    this.held--;
    this.store.free(slot);
    this.index.release(slot);
  }

  private rotate(now: number): void {
    // Keys last touched before the current generation were quiet for more than a generation:
    // their windows are empty. After a gap of two generations or more, the same holds for all.
    const currentIsStale = now >= this.rotateAt + this.generationMs;
    const oldest = currentIsStale ? this.current + 1 : this.current;
    // By slot in this rule's own column (in id order, as the index holds them), not every key of
    // the index: the rules grouping by the same fields share it. No key is read.
    if (this.held > 0) {
      const generation = this.generation;
      for (let slot = 0, seen = this.held; seen > 0 && slot < generation.length; slot++) {
        const from = generation[slot] as number;
        if (from === ABSENT) continue;
        seen--;
        if (from < oldest && !this.keep(slot)) this.drop(slot);
      }
      this.index.collect();
    }
    this.current++;
    this.rotateAt = now + this.generationMs;
  }
}
