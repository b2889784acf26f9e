import { describe, expect, it } from 'vitest';
import { TimeRings } from './time-rings.ts';

function rings(slots = 4): TimeRings {
  const made = new TimeRings();
  made.grow(slots);
  return made;
}

describe('time rings', () => {
  it('keeps each slot ascending, whatever the order times come in', () => {
    const times = rings();
    for (const ts of [5, 1, 9, 3, 3, 7]) times.insert(0, ts);
    times.insert(1, 42);
    expect(times.toArray(0)).toEqual([1, 3, 3, 5, 7, 9]);
    expect(times.toArray(1)).toEqual([42]);
    expect(times.length(2)).toBe(0);
  });

  it('appends in arrival order, out of order times too, and slides and grows as insert does', () => {
    const times = rings();
    for (const ts of [5, 1, 9, 3]) times.append(0, ts);
    expect(times.toArray(0)).toEqual([5, 1, 9, 3]);
    for (const ts of [8, 2, 6, 4, 0]) {
      times.dropOldest(0);
      times.append(0, ts);
    }
    expect(times.toArray(0)).toEqual([2, 6, 4, 0]);
    for (let ts = 0; ts < 20; ts++) times.append(1, 20 - ts);
    expect(times.toArray(1)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
  });

  it('grows a ring by doubling and keeps its times across the move', () => {
    const times = rings();
    const expected: number[] = [];
    for (let ts = 0; ts < 100; ts++) {
      times.insert(0, ts);
      times.insert(1, -ts);
      expected.push(ts);
    }
    expect(times.toArray(0)).toEqual(expected);
    expect(times.toArray(1)).toEqual(expected.map((ts) => -ts).reverse());
  });

  it('slides: drops the oldest and wraps around the end of its block', () => {
    const times = rings();
    for (const ts of [1, 2, 3, 4]) times.insert(0, ts);
    for (let ts = 5; ts < 40; ts++) {
      times.dropOldest(0);
      times.insert(0, ts);
      expect(times.toArray(0)).toEqual([ts - 3, ts - 2, ts - 1, ts]);
    }
    times.dropBefore(0, 38);
    expect(times.toArray(0)).toEqual([38, 39]);
    expect(times.countBefore(0, 39)).toBe(1);
  });

  it('counts and lists times from any point of a wrapped ring, equal times included', () => {
    const times = rings();
    for (const ts of [1, 2, 3, 4, 5, 6, 7, 8]) times.insert(0, ts);
    times.dropOldest(0, 5);
    for (const ts of [9, 9, 10, 11]) times.insert(0, ts); // wraps past the end of the block
    expect(times.toArray(0)).toEqual([6, 7, 8, 9, 9, 10, 11]);
    const naive = (since: number) => times.toArray(0).filter((ts) => ts < since).length;
    for (const since of [0, 6, 6.5, 9, 9.5, 11, 12]) expect(times.countBefore(0, since)).toBe(naive(since));
    expect(times.toArray(0, times.countBefore(0, 9))).toEqual([9, 9, 10, 11]);
    expect(times.countBefore(1, 5)).toBe(0);
    expect(times.toArray(1, 0)).toEqual([]);
  });

  it('gives the block of a cleared slot to the next ring of that size', () => {
    const times = rings();
    for (const ts of [1, 2, 3]) times.insert(0, ts);
    const used = times.slabBytes;
    times.clear(0);
    expect(times.length(0)).toBe(0);
    for (const ts of [7, 8, 9]) times.insert(1, ts);
    expect(times.slabBytes).toBe(used);
    expect(times.toArray(1)).toEqual([7, 8, 9]);
  });

  it('keeps rings apart when the slab grows under them', () => {
    const times = rings(3000);
    for (let slot = 0; slot < 3000; slot++) times.insert(slot, slot);
    for (let slot = 0; slot < 3000; slot += 3) times.insert(slot, slot + 0.5);
    expect(times.toArray(2999)).toEqual([2999]);
    expect(times.toArray(2997)).toEqual([2997, 2997.5]);
    expect(times.toArray(0)).toEqual([0, 0.5]);
  });
});
