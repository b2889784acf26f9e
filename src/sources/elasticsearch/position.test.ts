import { describe, expect, it } from 'vitest';
import { MAX_SEEN_IDS, PositionTracker, restorePosition } from './position.ts';

describe('PositionTracker', () => {
  it('accepts an id once, and nothing older than from', () => {
    const tracker = new PositionTracker({ from: 1000, seen: { a: 1500 } });
    expect(tracker.accept('a', 1500)).toBe(false);
    expect(tracker.accept('b', 1600)).toBe(true);
    expect(tracker.accept('b', 1600)).toBe(false);
    expect(tracker.accept('c', 999)).toBe(false);
  });

  it('forgets ids before a new from and never moves back', () => {
    const tracker = new PositionTracker({ from: 0, seen: {} });
    tracker.accept('old', 100);
    tracker.accept('new', 300);
    tracker.advance(200);
    expect(tracker.snapshot()).toEqual({ from: 200, seen: { new: 300 } });
    tracker.advance(50);
    expect(tracker.from).toBe(200);
  });

  it('hands out snapshots that later changes do not touch', () => {
    const tracker = new PositionTracker({ from: 0, seen: {} });
    const before = tracker.snapshot();
    tracker.accept('x', 10);
    expect(before).toEqual({ from: 0, seen: {} });
  });

  it('stays bounded by moving from up past the oldest ids', () => {
    const tracker = new PositionTracker({ from: 0, seen: {} });
    for (let i = 0; i <= MAX_SEEN_IDS; i++) tracker.accept(`id-${i}`, i);
    const { from, seen } = tracker.snapshot();
    expect(Object.keys(seen).length).toBeLessThanOrEqual(MAX_SEEN_IDS);
    expect(from).toBeGreaterThan(0);
    expect(seen[`id-${MAX_SEEN_IDS}`]).toBe(MAX_SEEN_IDS);
    expect(tracker.accept('id-0', 0)).toBe(false); // forgotten, but before from: still not delivered twice
  });
});

describe('restorePosition', () => {
  it('reads back a snapshot as plain JSON', () => {
    const position = { from: 5, seen: { a: 7 } };
    expect(restorePosition(JSON.parse(JSON.stringify(position)))).toEqual(position);
  });

  it('refuses what is not a position', () => {
    expect(restorePosition({ offset: 12 })).toBeUndefined();
    expect(restorePosition({ from: 'yesterday', seen: {} })).toBeUndefined();
    expect(restorePosition({ from: 1, seen: { a: 'x' } })).toBeUndefined();
    expect(restorePosition(null)).toBeUndefined();
  });
});
