import { describe, expect, it } from 'vitest';
import { jsonBytes, shrinkJson } from './shrink-json.ts';

describe('shrinkJson', () => {
  it('clips long strings with an ellipsis and cuts long arrays, at any depth', () => {
    const value = { a: 'abcdef', b: [1, 2, 3, 4], c: { d: ['xyzxyz'] }, e: null, f: 7 };
    expect(shrinkJson(value, 4, 2)).toEqual({ a: 'abc…', b: [1, 2], c: { d: ['xyz…'] }, e: null, f: 7 });
  });

  it('leaves the input untouched', () => {
    const value = { a: 'abcdef' };
    shrinkJson(value, 2, 1);
    expect(value.a).toBe('abcdef');
  });
});

describe('jsonBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(jsonBytes('é')).toBe(4);
  });
});
