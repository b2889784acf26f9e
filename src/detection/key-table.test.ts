import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.ts';
import { KeyTable } from './key-table.ts';

const WINDOW = 1000;

function table(keep: (slot: number) => boolean = () => false) {
  const freed: number[] = [];
  let resets = 0;
  let capacity = 0;
  const keys = new KeyTable(
    WINDOW,
    {
      grow: (size) => (capacity = size),
      free: (slot) => freed.push(slot),
      reset: () => resets++,
    },
    keep,
  );
  /** What the rule slot does with an event of `key` at `now`. */
  const touch = (key: string, now: number): number => {
    const slot = keys.take(key, now);
    return slot === -1 ? keys.add(key) : slot;
  };
  return { keys, touch, freed, resets: () => resets, capacity: () => capacity };
}

describe('key table', () => {
  it('gives each key one slot, the same each time it comes back', () => {
    const { keys, touch, capacity } = table();
    const a = touch('a', 0);
    const b = touch('b', 1);
    expect(a).not.toBe(b);
    expect(touch('a', 2)).toBe(a);
    expect(keys.find('b')).toBe(b);
    expect(keys.find('c')).toBe(-1);
    expect(keys.size).toBe(2);
    expect(capacity()).toBeGreaterThan(b);
  });

  it('frees a key quiet for a whole window, and keeps one touched in the generation before', () => {
    const { keys, touch, freed } = table();
    const quiet = touch('quiet', 0);
    touch('busy', 0);
    touch('busy', WINDOW); // rotation: both move to the older generation
    touch('busy', 2 * WINDOW); // rotation: `quiet` was not touched for a generation
    expect(keys.find('quiet')).toBe(-1);
    expect(keys.find('busy')).not.toBe(-1);
    expect(freed).toEqual([quiet]);
    expect(touch('new', 2 * WINDOW + 1)).toBe(quiet);
  });

  it('frees every key after a gap of two windows, except those with an open episode', () => {
    let open = -1;
    const { keys, touch } = table((slot) => slot === open);
    open = touch('open', 0);
    touch('other', 0);
    touch('late', 3 * WINDOW);
    expect(keys.find('other')).toBe(-1);
    expect(keys.find('open')).not.toBe(-1);
  });

  it('gives the columns back when every key went quiet, and starts again from slot 0', () => {
    const { keys, touch, resets } = table();
    for (let i = 0; i < 5000; i++) touch(`k${i}`, i / 10);
    keys.advance(10 * WINDOW);
    expect(keys.size).toBe(0);
    expect(resets()).toBe(1);
    expect(touch('again', 10 * WINDOW)).toBe(0);
  });

  it('takes a fresh slot back when its event did not count', () => {
    const { keys, freed } = table();
    expect(keys.take('x', 0)).toBe(-1);
    const slot = keys.add('x');
    keys.remove(slot);
    expect(keys.size).toBe(0);
    expect(freed).toEqual([slot]);
    expect(keys.add('y')).toBe(slot);
  });

  it('sweeps only its own keys of an index it shares, in id order, asking `keep` of those due only', () => {
    const index = new KeyIndex();
    const freed: number[] = [];
    const asked: string[] = [];
    const store = { grow: () => undefined, free: (slot: number) => freed.push(slot), reset: () => undefined };
    let k3 = -1;
    const keyAt = new Map<number, string>();
    const keep = (slot: number): boolean => (asked.push(keyAt.get(slot) as string), slot === k3);
    const mine = new KeyTable(WINDOW, store, keep, index);
    const other = new KeyTable(10 * WINDOW, store, () => false, index);
    for (let i = 0; i < 6; i++) other.add(`o${i}`);
    mine.take('busy', 0); // the first rotation, of no key
    const slots = [5, 3, 1, 4].map((i) => {
      const slot = mine.add(`k${i}`);
      keyAt.set(slot, `k${i}`);
      return slot;
    });
    k3 = slots[1] as number;
    const busy = mine.add('busy');
    mine.take('busy', WINDOW); // rotation: all move to the older generation
    expect(mine.take('busy', 2 * WINDOW)).toBe(busy); // rotation: the quiet ones are due
    expect(asked).toEqual(['k5', 'k3', 'k1', 'k4']);
    expect(freed).toEqual(slots.filter((slot) => slot !== mine.find('k3')).sort((a, b) => a - b));
    expect(mine.size).toBe(2);
    expect(other.size).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => other.find(`o${i}`))).toEqual([0, 1, 2, 3, 4, 5]);
    // Ids the sweep freed are given back (the newest freed first).
    expect(mine.add('again')).toBe(freed.at(-1));
  });

  it('restores keys as one fresh generation that the next event does not rotate away', () => {
    const { keys } = table();
    const loaded: string[] = [];
    keys.restore(['a', 'b'], 5 * WINDOW, (key) => loaded.push(key));
    expect(loaded).toEqual(['a', 'b']);
    expect(keys.take('a', 5 * WINDOW + 10)).not.toBe(-1);
    expect(keys.find('b')).not.toBe(-1);
  });
});

describe('key tables sharing one index (rules grouped by the same fields)', () => {
  const store = () => ({ grow: () => {}, free: () => {}, reset: () => {} });

  it('keep each key once, under one slot for every rule, until no rule holds it', () => {
    const index = new KeyIndex();
    const short = new KeyTable(WINDOW, store(), () => false, index);
    const long = new KeyTable(10 * WINDOW, store(), () => false, index);
    short.take('a', 0);
    const slot = short.add('a');
    long.take('a', 0);
    expect(long.add('a')).toBe(slot);
    expect(index.size).toBe(1);
    short.advance(3 * WINDOW); // quiet for the short window: that rule lets go
    expect(short.find('a')).toBe(-1);
    expect(long.find('a')).toBe(slot);
    expect(index.size).toBe(1);
    long.advance(30 * WINDOW);
    expect(index.size).toBe(0);
  });

  it('give a rule no slot for a key only another rule holds', () => {
    const index = new KeyIndex();
    const one = new KeyTable(WINDOW, store(), () => false, index);
    const other = new KeyTable(WINDOW, store(), () => false, index);
    one.take('a', 0);
    one.add('a');
    expect(other.take('a', 0)).toBe(-1);
    expect(other.find('a')).toBe(-1);
    expect(other.size).toBe(0);
    expect(other.entries()).toEqual([]);
  });
});
