import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, LONGEST_RUN, StringIds } from './string-ids.ts';

type Op = { op: 'add' | 'delete' | 'find'; key: string };

/** Hashes that pile keys onto few slots, at the end of the table too (probes wrap around). */
const HASHES: Record<string, (key: string) => number> = {
  seeded: hashText,
  'one slot at the end': () => 1023,
  'three slots across the end': (key) => 1022 + (key.length % 3),
  'by first letter': (key) => key.charCodeAt(0) * 7,
};

/** More keys than LONGEST_RUN, so piled-up hashes send some to the crowded Map and back. */
const keys = fc.constantFrom(
  ...Array.from({ length: LONGEST_RUN * 2 }, (_, i) => `${'k'.repeat(1 + (i % 5))}-${i}`),
);
const script = fc.array(
  fc.record({ op: fc.constantFrom<Op['op']>('add', 'add', 'delete', 'find'), key: keys }),
  { minLength: 1, maxLength: 300 },
);

/** Runs `ops` on a table and on a Map (key → id, ids reused as KeyIndex reuses them): both agree. */
function checkAgainstMap(hash: (key: string) => number, ops: Op[]): void {
  const ids = new StringIds();
  const model = new Map<string, number>();
  const free: number[] = [];
  let next = 0;
  for (const { op, key } of ops) {
    const id = model.get(key);
    if (op === 'add' && id === undefined) {
      const given = free.pop() ?? next++;
      ids.add(key, hash(key), given);
      model.set(key, given);
    } else if (op === 'delete' && id !== undefined) {
      ids.delete(id);
      model.delete(key);
      free.push(id);
    }
    expect(ids.size).toBe(model.size);
    for (const [known, knownId] of model) expect(ids.find(known, hash(known))).toBe(knownId);
    if (!model.has(key)) expect(ids.find(key, hash(key))).toBe(-1);
  }
  const visited = new Map<string, number>();
  ids.forEach((id, key) => visited.set(key, id));
  expect(visited).toEqual(model);
}

describe('StringIds', () => {
  for (const [name, hash] of Object.entries(HASHES)) {
    it(`agrees with a Map over random adds and deletes (${name} hash)`, () => {
      fc.assert(
        fc.property(script, (ops) => checkAgainstMap(hash, ops)),
        { numRuns: 200 },
      );
    });
  }

  it('keeps every key through growth past its first table, and after a clear', () => {
    const ids = new StringIds();
    for (let i = 0; i < 5000; i++)
      ids.add(`10.0.${i >> 8}.${i & 255}`, hashText(`10.0.${i >> 8}.${i & 255}`), i);
    for (let i = 0; i < 5000; i += 2) ids.delete(i);
    expect(ids.size).toBe(2500);
    for (let i = 0; i < 5000; i++)
      expect(ids.find(`10.0.${i >> 8}.${i & 255}`, hashText(`10.0.${i >> 8}.${i & 255}`))).toBe(
        i % 2 === 0 ? -1 : i,
      );
    ids.clear();
    expect(ids.size).toBe(0);
    expect(ids.find('10.0.0.1', hashText('10.0.0.1'))).toBe(-1);
  });

  it('agrees with a Map when more keys share a hash than fit in their run', () => {
    const long = fc.array(
      fc.record({ op: fc.constantFrom<Op['op']>('add', 'add', 'delete', 'find'), key: keys }),
      { minLength: 300, maxLength: 600, size: 'max' },
    );
    fc.assert(
      fc.property(long, (ops) => checkAgainstMap(() => 1023, ops)),
      { numRuns: 15 },
    );
  });

  it('keeps keys made to collide out of the slots past LONGEST_RUN, and finds every one', () => {
    const ids = new StringIds();
    const collide = (i: number): string => `attacker-${i}`;
    for (let i = 0; i < 5000; i++) ids.add(collide(i), 7, i);
    expect(ids.crowdedCount).toBe(5000 - LONGEST_RUN);
    for (let i = 0; i < 5000; i += 3) ids.delete(i);
    for (let i = 0; i < 5000; i++) expect(ids.find(collide(i), 7)).toBe(i % 3 === 0 ? -1 : i);
    expect(ids.find('attacker-x', 7)).toBe(-1);
    ids.add('10.0.0.1', hashText('10.0.0.1'), 0);
    expect(ids.find('10.0.0.1', hashText('10.0.0.1'))).toBe(0);
  });

  it('crowds no key of honest hashes', () => {
    const ids = new StringIds();
    for (let i = 0; i < 200_000; i++) ids.add(`user-${i}`, hashText(`user-${i}`), i);
    expect(ids.crowdedCount).toBe(0);
  });

  it('hashes the same text alike and different texts apart', () => {
    expect(hashText(`${'user'}.name`)).toBe(hashText('user.name'));
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => hashText(`192.168.${i >> 8}.${i & 255}`)));
    expect(seen.size).toBeGreaterThan(9_990);
  });
});
