import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './time.ts';

describe('formatCount', () => {
  it('groups thousands with commas, as toLocaleString("en-US") does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(200_000)).toBe('200,000');
    expect(formatCount(-1_234_567)).toBe('-1,234,567');
  });

  it('writes every number exactly as toLocaleString("en-US")', () => {
    const numbers = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.double(),
      fc.constantFrom(-0, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.NaN, Infinity),
    );
    fc.assert(
      fc.property(numbers, (n) => formatCount(n) === n.toLocaleString('en-US')),
      { numRuns: 2000, seed: 7 },
    );
  });
});
