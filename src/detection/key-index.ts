import { growInt32, growUint16 } from './columns.ts';
import type { GroupAlias } from '../rules/index.ts';
import type { GroupKeyReader } from './group-key.ts';
import { compileGroupKey, readOncePerEvent } from './group-key.ts';
import { ownText } from './own-text.ts';
import { hashText, StringIds } from './string-ids.ts';

/** A rule's key table, told when the index forgot every key. */
export interface IndexedTable {
  reset(): void;
}

const FIRST_CAPACITY = 1024;

/**
 * Group keys interned once for every rule grouping by the same fields: each key string is kept
 * once, under one small integer id that every such rule uses as its slot. An id is given back
 * when no rule holds its key any more (`refs`), at the next `collect`.
 */
export class KeyIndex {
  private readonly ids = new StringIds();
  private refs = new Uint16Array(0);
  private freeIds: number[] = [];
  /** Ids whose key's last rule let go, to free at `collect` (a stack reused: a sweep lets go of thousands). */
  private released = new Int32Array(FIRST_CAPACITY);
  private releasedCount = 0;
  private highWater = 0;
  private capacity = 0;
  private readonly tables: IndexedTable[] = [];
  /** The last key `find` or `hold` answered for, its hash and id (-1: none); forgotten when ids go. */
  private lastKey: string | undefined;
  private lastHash = 0;
  private lastId = -1;

  attach(table: IndexedTable): void {
    this.tables.push(table);
  }

  get size(): number {
    return this.ids.size;
  }

  /**
   * The id of `key`, -1 when no rule holds it. The last answer is kept: the rules grouping by the
   * same fields ask for the same key one after another.
   */
  find(key: string): number {
    if (key === this.lastKey) return this.lastId;
    const hash = hashText(key);
    const id = this.ids.find(key, hash);
    this.lastKey = key;
    this.lastHash = hash;
    this.lastId = id;
    return id;
  }

  /**
   * The id of `key` for one more rule, made when none holds it yet. `owned`: the key holds no text
   * of anything else (see OWNS_ITS_TEXT), kept as it is rather than copied.
   */
  hold(key: string, owned = false): number {
    if (key !== this.lastKey) this.find(key);
    let id = this.lastId;
    if (id === -1) {
      id = this.freeIds.pop() ?? -1;
      if (id === -1) {
        if (this.highWater === this.capacity) this.enlarge();
        id = this.highWater++;
      }
      this.ids.add(owned ? key : ownText(key), this.lastHash, id);
      this.lastId = id;
    }
    this.refs[id] = (this.refs[id] as number) + 1;
    return id;
  }

  /** One rule let go of `key`; its id is freed by `collect` unless a rule takes it up again. */
  release(id: number): void {
    const refs = (this.refs[id] as number) - 1;
    this.refs[id] = refs;
    if (refs !== 0) return;
    if (this.releasedCount === this.released.length)
      this.released = growInt32(this.released, this.released.length * 2);
    this.released[this.releasedCount++] = id;
  }

  /** Every key and its id, for a snapshot. */
  *entries(): IterableIterator<[string, number]> {
    const pairs: [string, number][] = [];
    this.ids.forEach((id, key) => pairs.push([key, id]));
    yield* pairs;
  }

  /** Forgets the keys no rule holds any more; when none is left, every table drops its columns. */
  collect(): void {
    if (this.releasedCount === 0) return;
    this.lastKey = undefined;
    for (let i = 0; i < this.releasedCount; i++) {
      const id = this.released[i] as number;
      // Taken up again since, or released twice (held and let go again before this collect).
      if (this.refs[id] !== 0 || this.ids.keyOf(id) === undefined) continue;
      this.ids.delete(id);
      this.freeIds.push(id);
    }
    this.releasedCount = 0;
    if (this.ids.size === 0) this.reset();
  }

  private reset(): void {
    this.ids.clear();
    this.refs = new Uint16Array(0);
    this.freeIds = [];
    this.highWater = 0;
    this.capacity = 0;
    for (const table of this.tables) table.reset();
  }

  private enlarge(): void {
    this.capacity = Math.max(FIRST_CAPACITY, this.capacity * 2);
    this.refs = growUint16(this.refs, this.capacity);
  }
}

/** One index per set of group-by fields, shared by the rules of one engine. */
export class KeyIndexes {
  private readonly indexes = new Map<string, KeyIndex>();
  private readonly readers = new Map<string, GroupKeyReader>();
  /** Numbers the events the engine processes: a key read for one is not reused for the next. */
  private readonly clock = { number: 0 };

  for(groupBy: readonly string[]): KeyIndex {
    const signature = groupBy.join('\u001f');
    let index = this.indexes.get(signature);
    if (index === undefined) {
      index = new KeyIndex();
      this.indexes.set(signature, index);
    }
    return index;
  }

  /** The group key reader for these fields: rules without aliases share one, reading each event once. */
  reader(groupBy: readonly string[], aliases?: readonly GroupAlias[]): GroupKeyReader {
    if (aliases !== undefined && aliases.length > 0) return compileGroupKey(groupBy, aliases);
    const signature = groupBy.join('\u001f');
    let reader = this.readers.get(signature);
    if (reader === undefined) {
      reader = readOncePerEvent(compileGroupKey(groupBy), this.clock);
      this.readers.set(signature, reader);
    }
    return reader;
  }

  /** The engine moves on to the next event. */
  nextEvent(): void {
    this.clock.number++;
  }
}
