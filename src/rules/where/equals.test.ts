import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalsLowered } from './equals.ts';

const units = fc.constantFrom(
  'a',
  'A',
  'k',
  'K',
  '\u212a',
  'i',
  'I',
  '\u0130',
  'ß',
  'Z',
  '@',
  '[',
  '`',
  '{',
  '0',
  'é',
  'É',
);
const text = fc.array(units, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));

describe('equalsLowered', () => {
  it('judges as toLowerCase() === constant does, for ASCII constants as long as the text', () => {
    fc.assert(
      fc.property(text, text, (value, other) => {
        const constant = other
          .toLowerCase()
          .replace(/[^ -\x7f]/g, 'k')
          .slice(0, value.length)
          .padEnd(value.length, 'a');
        expect(equalsLowered(value, constant)).toBe(value.toLowerCase() === constant);
        expect(equalsLowered(value, value.toLowerCase().replace(/[^ -\x7f]/g, 'k'))).toBe(
          value.toLowerCase() === value.toLowerCase().replace(/[^ -\x7f]/g, 'k'),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('sees the Kelvin sign lower to k, and @ [ ` { as themselves', () => {
    expect(equalsLowered('\u212aerberos', 'kerberos')).toBe(true);
    expect(equalsLowered('FAILURE', 'failure')).toBe(true);
    expect(equalsLowered('failurE', 'failure')).toBe(true);
    expect(equalsLowered('success', 'failure')).toBe(false);
    expect(equalsLowered('@[`{', '`{@[')).toBe(false);
    expect(equalsLowered('@', '`')).toBe(false);
  });
});
