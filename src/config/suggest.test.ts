import { describe, expect, it } from 'vitest';
import { formatSuggestion, suggestClosest } from './suggest.ts';

describe('suggestClosest', () => {
  it('finds a candidate a typo or a swap away, ignoring case', () => {
    expect(suggestClosest('contiue', ['continue', 'channels'])).toBe('continue');
    expect(suggestClosest('Chnanels', ['continue', 'channels'])).toBe('channels');
  });

  it('suggests nothing when every candidate is far off', () => {
    expect(suggestClosest('xyz', ['continue', 'channels'])).toBeUndefined();
    expect(formatSuggestion('xyz', ['continue'])).toBe('');
  });
});

describe('suggestClosest with hostile input', () => {
  it('answers at once for a value of a million characters (found by fuzzing the rule loader)', () => {
    const started = performance.now();
    expect(suggestClosest('1.'.repeat(500_000), ['threshold', 'cardinality', 'sequence'])).toBeUndefined();
    expect(suggestClosest('-'.repeat(1_000_000), ['match', 'absence'])).toBeUndefined();
    const longName = 'n'.repeat(50_000);
    expect(suggestClosest(`${longName}x`, [longName, `${longName}yz`])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('still finds a close candidate of a different length', () => {
    expect(suggestClosest('thresold', ['threshold', 'cardinality'])).toBe('threshold');
    expect(suggestClosest('cardinalityy', ['threshold', 'cardinality'])).toBe('cardinality');
  });
});
