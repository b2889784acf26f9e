import { describe, expect, it } from 'vitest';
import { createRandom } from './prng.ts';

const draw = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it('stays in [0, 1) and spreads evenly over ten buckets', () => {
    const buckets = new Array<number>(10).fill(0);
    const values = draw(7, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    for (const value of values) buckets[Math.floor(value * 10)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(9_500);
  });

  it('draws integers in the inclusive range, reaching both ends', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('puts most skewed draws on a few low indexes', () => {
    const random = createRandom(5);
    const counts = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const index = random.skewedIndex(10_000, 3);
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const top10 = [...counts.values()].sort((a, b) => b - a).slice(0, 10);
    expect(top10.reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
    expect([...counts.keys()].every((index) => index >= 0 && index < 10_000)).toBe(true);
  });

  it('forks streams that do not depend on how much the parent drew', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    b.next();
    b.next();
    expect(a.fork('sshd').next()).toBe(b.fork('sshd').next());
    expect(a.fork('sshd').next()).not.toBe(a.fork('windows').next());
  });
});
