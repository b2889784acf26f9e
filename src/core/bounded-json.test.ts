import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, checkJsonText, checkJsonValue, readBoundedJson } from './bounded-json.ts';

const deepText = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

function deepValue(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('readBoundedJson', () => {
  it('refuses a 100,000-deep document as too-deep instead of overflowing the stack', () => {
    expect(readBoundedJson(deepText(100_000))).toEqual({ ok: false, reason: 'too-deep' });
    expect(readBoundedJson('['.repeat(100_000) + ']'.repeat(100_000))).toEqual({
      ok: false,
      reason: 'too-deep',
    });
  });

  it('reads a document exactly at the depth limit, and refuses one level more', () => {
    expect(readBoundedJson(deepText(JSON_LIMITS.maxDepth)).ok).toBe(true);
    expect(readBoundedJson(deepText(JSON_LIMITS.maxDepth + 1))).toEqual({ ok: false, reason: 'too-deep' });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ message: '{['.repeat(1_000) + '\\"{{{' + '"[[[', user: { name: 'x\\' } });
    expect(readBoundedJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('refuses a line over the length limit as too-long', () => {
    const text = JSON.stringify({ message: 'a'.repeat(JSON_LIMITS.maxLength) });
    expect(readBoundedJson(text)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('says invalid-json for text that is no JSON', () => {
    expect(readBoundedJson('{"a": ')).toEqual({ ok: false, reason: 'invalid-json' });
    expect(readBoundedJson('"unterminated')).toEqual({ ok: false, reason: 'invalid-json' });
  });

  it('honours limits given by the caller', () => {
    expect(checkJsonText('[[1]]', { maxDepth: 1, maxLength: 100 })).toBe('too-deep');
    expect(checkJsonText('[[1]]', { maxDepth: 2, maxLength: 4 })).toBe('too-long');
  });
});

describe('checkJsonValue', () => {
  it('finds a parsed value 100,000 levels deep without recursion', () => {
    expect(checkJsonValue(deepValue(100_000))).toBe('too-deep');
    expect(checkJsonValue([deepValue(JSON_LIMITS.maxDepth)])).toBe('too-deep');
    expect(checkJsonValue(deepValue(JSON_LIMITS.maxDepth))).toBeNull();
  });

  it('finds a value whose strings are over the length limit', () => {
    expect(checkJsonValue({ a: ['x'.repeat(JSON_LIMITS.maxLength)] })).toBe('too-long');
    expect(checkJsonValue({ a: ['x'.repeat(1_000)] })).toBeNull();
  });
});
