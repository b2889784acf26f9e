import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from './normalize-timestamp.ts';

describe('normalizeTimestamp', () => {
  it('keeps a timestamp already in toISOString form', () => {
    expect(normalizeTimestamp('2024-05-01T10:00:00.123Z')).toBe('2024-05-01T10:00:00.123Z');
  });

  it('truncates micro- and nanoseconds to milliseconds', () => {
    expect(normalizeTimestamp('2021-05-21T20:43:07.085039Z')).toBe('2021-05-21T20:43:07.085Z');
    expect(normalizeTimestamp('2021-05-21T20:43:07.085039123Z')).toBe('2021-05-21T20:43:07.085Z');
  });

  it('converts offsets to UTC', () => {
    expect(normalizeTimestamp('2024-05-01T12:00:00+02:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(normalizeTimestamp('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
  });

  it('reads a date-time without offset as UTC, as Elasticsearch does', () => {
    expect(normalizeTimestamp('2024-05-01T10:00:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(normalizeTimestamp('2024-05-01 10:00:00.5')).toBe('2024-05-01T10:00:00.500Z');
    expect(normalizeTimestamp('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
  });

  it('reads epoch milliseconds as a number or a string of digits', () => {
    expect(normalizeTimestamp(1714557600000)).toBe('2024-05-01T10:00:00.000Z');
    expect(normalizeTimestamp('1714557600000')).toBe('2024-05-01T10:00:00.000Z');
  });

  it('says missing for absent, null and empty values', () => {
    expect(normalizeTimestamp(undefined)).toBe('missing-timestamp');
    expect(normalizeTimestamp(null)).toBe('missing-timestamp');
    expect(normalizeTimestamp('')).toBe('missing-timestamp');
  });

  it('says invalid for text that is no date, days that do not exist and non-finite numbers', () => {
    expect(normalizeTimestamp('yesterday')).toBe('invalid-timestamp');
    expect(normalizeTimestamp('2021-02-30T00:00:00.000Z')).toBe('invalid-timestamp');
    expect(normalizeTimestamp('2021-13-01T00:00:00Z')).toBe('invalid-timestamp');
    expect(normalizeTimestamp('2021-02-29T00:00:00.000123Z')).toBe('invalid-timestamp');
    expect(normalizeTimestamp(Number.NaN)).toBe('invalid-timestamp');
    expect(normalizeTimestamp(1e300)).toBe('invalid-timestamp');
    expect(normalizeTimestamp({ value: 1 })).toBe('invalid-timestamp');
  });

  it('accepts 29 February in leap years only', () => {
    expect(normalizeTimestamp('2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(normalizeTimestamp('2023-02-29T00:00:00.000Z')).toBe('invalid-timestamp');
  });
});
