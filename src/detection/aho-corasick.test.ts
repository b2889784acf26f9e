import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.ts';

// Case folding that is not ASCII's: Kelvin sign, sharp s, dotted I, final sigma, a surrogate pair.
const PIECES = [
  '',
  'a',
  'A',
  'k',
  'K',
  '\u212a',
  'ß',
  'SS',
  'ss',
  'İ',
  'i̇',
  'Σ',
  'σ',
  'ς',
  '😀',
  '*',
  '?',
  '\\',
  'EXE',
  '.exe',
  ' ',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const literal = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));

function found(search: (text: string, found: (index: number) => void) => void, input: string): number[] {
  const indexes: number[] = [];
  search(input, (index) => indexes.push(index));
  return indexes;
}

describe('AhoCorasick.forEachMatchIgnoringCase', () => {
  it('reports what a search of the lowered text reports, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        text,
        (raw, lower, input) => {
          // Gates hold lowered literals; unlowered ones must stay as unreachable as before.
          const automaton = new AhoCorasick(lower ? raw.map((one) => one.toLowerCase()) : raw);
          expect(found((t, f) => automaton.forEachMatchIgnoringCase(t, f), input)).toEqual(
            found((t, f) => automaton.forEachMatch(t, f), input.toLowerCase()),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds lowered literals in upper-case and Kelvin-sign text', () => {
    const automaton = new AhoCorasick(['\\rundll32.exe', 'kk', 'straße', 'ς']);
    expect(found((t, f) => automaton.forEachMatchIgnoringCase(t, f), 'C:\\WINDOWS\\RUNDLL32.EXE')).toEqual([
      0,
    ]);
    expect(found((t, f) => automaton.forEachMatchIgnoringCase(t, f), 'K\u212a')).toEqual([1]);
    expect(found((t, f) => automaton.forEachMatchIgnoringCase(t, f), 'STRAßE ΑΣ')).toEqual([2, 3]);
  });
});
