import { describe, expect, it } from 'vitest';
import { clipText } from './clip-text.ts';

describe('clipText', () => {
  it('keeps text that fits and cuts the rest to the limit, ellipsis included', () => {
    expect(clipText('abcdef', 6)).toBe('abcdef');
    expect(clipText('abcdefg', 6)).toBe('abcde…');
    expect(clipText('abcdefg', 6, '...')).toBe('abc...');
  });

  it('never splits a surrogate pair', () => {
    expect(clipText('ab😀cdef', 4)).toBe('ab…');
  });
});
