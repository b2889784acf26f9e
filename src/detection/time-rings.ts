import { growFloat64, growInt32, growUint8 } from './columns.ts';

const NO_RING = 255;

/**
 * Event times of many keys in one shared Float64Array slab: slot `s` owns a ring of 2^k times
 * (oldest at `head`), grown by doubling and given back to a free list per size when the key goes.
 * A key seen once costs 8 bytes of slab plus 13 bytes of bookkeeping, and no object at all.
 */
export class TimeRings {
  private slab = new Float64Array(1024);
  private slabUsed = 0;
  /**
   * First free block per size class (2^k times), -1 when none; a free block holds the offset
   * of the next one in its first element, so freeing a million rings allocates nothing.
   */
  private readonly freeBlocks: number[] = [];
  private offset = new Int32Array(0);
  private head = new Int32Array(0);
  private count = new Int32Array(0);
  private sizeClass = new Uint8Array(0);

  /** Forgets every ring and gives the slab back. */
  reset(): void {
    this.slab = new Float64Array(1024);
    this.slabUsed = 0;
    this.freeBlocks.length = 0;
    this.offset = new Int32Array(0);
    this.head = new Int32Array(0);
    this.count = new Int32Array(0);
    this.sizeClass = new Uint8Array(0);
  }

  /** Makes slots 0..capacity-1 usable (all empty). */
  grow(capacity: number): void {
    const from = this.offset.length;
    this.offset = growInt32(this.offset, capacity);
    this.head = growInt32(this.head, capacity);
    this.count = growInt32(this.count, capacity);
    this.sizeClass = growUint8(this.sizeClass, capacity);
    this.sizeClass.fill(NO_RING, from);
  }

  length(slot: number): number {
    return this.count[slot] as number;
  }

  /** The i-th oldest time of `slot`. */
  at(slot: number, i: number): number {
    const mask = (1 << (this.sizeClass[slot] as number)) - 1;
    return this.slab[(this.offset[slot] as number) + (((this.head[slot] as number) + i) & mask)] as number;
  }

  /** Adds `ts` as the newest time, whatever the others are (a ring kept in arrival order). */
  append(slot: number, ts: number): void {
    const n = this.count[slot] as number;
    if (this.sizeClass[slot] === NO_RING || n === 1 << (this.sizeClass[slot] as number)) this.enlarge(slot);
    const mask = (1 << (this.sizeClass[slot] as number)) - 1;
    this.slab[(this.offset[slot] as number) + (((this.head[slot] as number) + n) & mask)] = ts;
    this.count[slot] = n + 1;
  }

  /** Inserts `ts` after every time <= it (input mostly in order: a walk from the newest end). */
  insert(slot: number, ts: number): void {
    const n = this.count[slot] as number;
    if (this.sizeClass[slot] === NO_RING || n === 1 << (this.sizeClass[slot] as number)) this.enlarge(slot);
    const base = this.offset[slot] as number;
    const head = this.head[slot] as number;
    const mask = (1 << (this.sizeClass[slot] as number)) - 1;
    let i = n;
    while (i > 0 && (this.slab[base + ((head + i - 1) & mask)] as number) > ts) {
      this.slab[base + ((head + i) & mask)] = this.slab[base + ((head + i - 1) & mask)] as number;
      i--;
    }
    this.slab[base + ((head + i) & mask)] = ts;
    this.count[slot] = n + 1;
  }

  /** Forgets the `n` oldest times. */
  dropOldest(slot: number, n = 1): void {
    const mask = (1 << (this.sizeClass[slot] as number)) - 1;
    this.head[slot] = ((this.head[slot] as number) + n) & mask;
    this.count[slot] = (this.count[slot] as number) - n;
  }

  /** How many times of `slot` are older than `since` (a binary search: the times are in order). */
  countBefore(slot: number, since: number): number {
    let low = 0;
    let high = this.count[slot] as number;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.at(slot, mid) < since) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Forgets the times older than `since`. */
  dropBefore(slot: number, since: number): void {
    // Input mostly in order: usually nothing or only the oldest has expired.
    const n = this.count[slot] as number;
    if (n === 0 || this.at(slot, 0) >= since) return;
    if (n === 1 || this.at(slot, 1) >= since) {
      this.dropOldest(slot, 1);
      return;
    }
    const older = this.countBefore(slot, since);
    if (older > 0) this.dropOldest(slot, older);
  }

  /** Empties `slot` and gives its block back. */
  clear(slot: number): void {
    const size = this.sizeClass[slot] as number;
    if (size !== NO_RING) this.release(size, this.offset[slot] as number);
    this.sizeClass[slot] = NO_RING;
    this.count[slot] = 0;
    this.head[slot] = 0;
  }

  /** The times of `slot` in order, from the `from`-th oldest. */
  toArray(slot: number, from = 0): number[] {
    return Array.from({ length: this.length(slot) - from }, (_, i) => this.at(slot, from + i));
  }

  /** Slab bytes in use, free blocks included (for tests and the bench). */
  get slabBytes(): number {
    return this.slabUsed * Float64Array.BYTES_PER_ELEMENT;
  }

  /** Moves `slot` to a block twice as large (or its first block of one time), oldest first. */
  private enlarge(slot: number): void {
    const old = this.sizeClass[slot] as number;
    const size = old === NO_RING ? 0 : old + 1;
    const block = this.allocate(size);
    const n = this.count[slot] as number;
    for (let i = 0; i < n; i++) this.slab[block + i] = this.at(slot, i);
    if (old !== NO_RING) this.release(old, this.offset[slot] as number);
    this.offset[slot] = block;
    this.head[slot] = 0;
    this.sizeClass[slot] = size;
  }

  private release(size: number, block: number): void {
    this.slab[block] = this.freeBlocks[size] ?? -1;
    this.freeBlocks[size] = block;
  }

  private allocate(size: number): number {
    const reused = this.freeBlocks[size] ?? -1;
    if (reused !== -1) {
      this.freeBlocks[size] = this.slab[reused] as number;
      return reused;
    }
    const need = this.slabUsed + (1 << size);
    if (need > this.slab.length) this.slab = growFloat64(this.slab, Math.max(need, this.slab.length * 2));
    const block = this.slabUsed;
    this.slabUsed = need;
    return block;
  }
}
