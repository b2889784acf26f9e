import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { convertZodIssues } from './zod-issues.ts';

const schema = z.strictObject({ mode: z.enum(['full', 'link']), token: z.string(), count: z.number() });

function convert(input: unknown, hideValues = false) {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? [] : convertZodIssues(result.error.issues, { hideValues });
}

describe('convertZodIssues', () => {
  it('speaks of YAML values, quotes them and suggests the closest option', () => {
    expect(convert({ mode: 'ful', token: 5, count: 1 })).toEqual([
      { path: ['mode'], message: 'expected one of full, link, got `ful`; did you mean `full`?' },
      { path: ['token'], message: 'expected text, got `5`' },
    ]);
  });

  it('says only what kind of value was given when values are hidden', () => {
    expect(convert({ mode: 'secret-mode', token: 12345678, count: 1 }, true)).toEqual([
      { path: ['mode'], message: 'expected one of full, link, got text' },
      { path: ['token'], message: 'expected text, got a number' },
    ]);
  });

  it('points each unknown key of a strict object at the key, and reports missing fields', () => {
    expect(convert({ mode: 'full', token: 't', extra: 1, more: 2 })).toEqual([
      { path: ['count'], message: 'required field is missing' },
      { path: ['extra'], part: 'key', message: 'unknown field `extra`' },
      { path: ['more'], part: 'key', message: 'unknown field `more`' },
    ]);
  });
});
