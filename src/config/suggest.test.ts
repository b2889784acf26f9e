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
