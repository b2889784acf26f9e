import { growInt32 } from './columns.ts';

const FIRST_SLOTS = 1024;
/**
 * Seeds the hash per process: keys come from events, and a sender who knew the hash could make
 * many of them probe the same run of slots.
 */
const SEED = (Math.random() * 0x7fffffff) | 0;
/**
 * The most slots a key lives away from its home slot. A seeded hash is no proof against keys made
 * to collide; past this run a key goes to a Map (V8's own seeded hash), so no probe reads more.
 * Keys with honest hashes at half load almost never run this far.
 */
export const LONGEST_RUN = 64;

/**
 * Strings mapped to the small integer ids a caller gives them, in one typed array probed linearly:
 * no entry object per key, and no table rebuilt as keys come and go (a deleted entry's followers
 * move back into its place). A miss, the common case for group keys, reads one or two slots and no
 * key at all; a Map would read its bucket, entry and key. Ids index `keys` and `hashes`.
 */
export class StringIds {
  /** id + 1 per slot; 0: free. */
  private slots = new Int32Array(FIRST_SLOTS);
  private mask = FIRST_SLOTS - 1;
  private hashes = new Int32Array(0);
  private keys: (string | undefined)[] = [];
  private count = 0;
  /** Keys that found no slot within LONGEST_RUN of their home, to their ids. */
  private crowded: Map<string, number> | undefined;

  get size(): number {
    return this.count;
  }

  /** The id of `key` (whose hash is `hash`), or -1. */
  find(key: string, hash: number): number {
    let at = hash & this.mask;
    for (let run = 0; run < LONGEST_RUN; run++, at = (at + 1) & this.mask) {
      const entry = this.slots[at] as number;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === key) return entry - 1;
    }
    // A crowded key's run may have emptied since it was placed: look it up however the probe ended.
    return this.crowded === undefined ? -1 : (this.crowded.get(key) ?? -1);
  }

  /** Adds `key`, absent, under `id` (an id not in use). */
  add(key: string, hash: number, id: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.spread(this.slots.length * 2);
    if (id >= this.hashes.length) this.hashes = growInt32(this.hashes, Math.max(FIRST_SLOTS, id * 2));
    while (this.keys.length <= id) this.keys.push(undefined);
    this.keys[id] = key;
    this.hashes[id] = hash;
    this.place(id, hash);
    this.count++;
  }

  /** The key under `id`, or undefined. */
  keyOf(id: number): string | undefined {
    return this.keys[id];
  }

  /** Deletes the key under `id` (one in use). */
  delete(id: number): void {
    const key = this.keys[id] as string;
    this.keys[id] = undefined;
    this.count--;
    if (this.crowded?.get(key) === id) {
      this.crowded.delete(key);
      return;
    }
    let hole = (this.hashes[id] as number) & this.mask;
    while (this.slots[hole] !== id + 1) hole = (hole + 1) & this.mask;
    this.slots[hole] = 0;
    // Entries after the hole that could sit in it move back, so a probe never stops short of them.
    for (let at = (hole + 1) & this.mask; ; at = (at + 1) & this.mask) {
      const entry = this.slots[at] as number;
      if (entry === 0) return;
      const home = (this.hashes[entry - 1] as number) & this.mask;
      const stays = hole < at ? home > hole && home <= at : home > hole || home <= at;
      if (stays) continue;
      this.slots[hole] = entry;
      this.slots[at] = 0;
      hole = at;
    }
  }

  /** Calls `visit` with every id and its key, by id. */
  forEach(visit: (id: number, key: string) => void): void {
    const keys = this.keys;
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id];
      if (key !== undefined) visit(id, key);
    }
  }

  clear(): void {
    this.slots = new Int32Array(FIRST_SLOTS);
    this.mask = FIRST_SLOTS - 1;
    this.hashes = new Int32Array(0);
    this.keys = [];
    this.count = 0;
    this.crowded = undefined;
  }

  /** Keys kept in the Map because their run was full (see LONGEST_RUN). */
  get crowdedCount(): number {
    return this.crowded?.size ?? 0;
  }

  private place(id: number, hash: number): void {
    let at = hash & this.mask;
    for (let run = 0; run < LONGEST_RUN; run++, at = (at + 1) & this.mask) {
      if (this.slots[at] === 0) {
        this.slots[at] = id + 1;
        return;
      }
    }
    (this.crowded ??= new Map()).set(this.keys[id] as string, id);
  }

  private spread(length: number): void {
    this.slots = new Int32Array(length);
    this.mask = length - 1;
    this.crowded = undefined;
    this.forEach((id) => this.place(id, this.hashes[id] as number));
  }
}

/** A 32-bit hash of `text` (FNV-1a over its UTF-16 units, seeded, then mixed as Murmur3 ends). */
export function hashText(text: string): number {
  let hash = 0x811c9dc5 ^ SEED;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
