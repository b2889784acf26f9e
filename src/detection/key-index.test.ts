import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.ts';

type Step = { op: 'hold' | 'release' | 'collect'; key: string };

const steps = fc.array(
  fc.record({
    op: fc.constantFrom<Step['op']>('hold', 'hold', 'release', 'release', 'collect'),
    key: fc.constantFrom('a', 'b', 'a-long-user-name-17'),
  }),
  { minLength: 20, maxLength: 200, size: 'max' },
);

/**
 * Runs `script` on an index and on a plain model (key → holders): after each `collect` the index
 * keeps exactly the held keys, each under the id it was first given; no two held keys share an id.
 */
function checkAgainstModel(script: Step[]): void {
  const index = new KeyIndex();
  const holders = new Map<string, number>();
  const idOf = new Map<string, number>();
  // Keys held throughout: the index never empties (which would start its ids afresh).
  for (let i = 0; i < 20; i++) idOf.set(`held-${i}`, index.hold(`held-${i}`));
  for (const { op, key } of script) {
    const held = holders.get(key) ?? 0;
    if (op === 'hold') {
      const id = index.hold(key);
      if (idOf.has(key)) expect(id).toBe(idOf.get(key));
      idOf.set(key, id);
      holders.set(key, held + 1);
    } else if (op === 'release' && held > 0) {
      index.release(idOf.get(key) as number);
      holders.set(key, held - 1);
    } else if (op === 'collect') {
      index.collect();
      for (const [k, n] of holders) {
        if (n > 0) continue;
        holders.delete(k);
        idOf.delete(k);
      }
      expect(new Map(index.entries())).toEqual(idOf);
      expect(new Set(idOf.values()).size).toBe(idOf.size);
    }
    const heldIds = [...holders].filter(([, n]) => n > 0).map(([k]) => index.find(k));
    expect(heldIds).toEqual([...holders].filter(([, n]) => n > 0).map(([k]) => idOf.get(k)));
    expect(new Set(heldIds).size).toBe(heldIds.length);
  }
}

describe('KeyIndex.collect', () => {
  it('deletes a released key once, even when it was taken up and released again before', () => {
    const index = new KeyIndex();
    const keep = index.hold('keep');
    for (let i = 0; i < 3; i++) index.hold(`other-${i}`);
    const a = index.hold('a');
    index.release(a);
    expect(index.hold('a')).toBe(a);
    index.release(a);
    index.collect();
    expect(index.find('a')).toBe(-1);
    expect(index.find('keep')).toBe(keep);
    // The freed id goes to one new key only.
    const b = index.hold('b');
    expect(b).toBe(a);
    expect(index.hold('c')).not.toBe(b);
  });

  it('agrees with a plain model of holders over random hold/release/collect scripts', () => {
    fc.assert(fc.property(steps, checkAgainstModel), { numRuns: 300 });
  });
});
