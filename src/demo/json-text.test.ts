import { describe, expect, it } from 'vitest';
import { formatIsoTime, quoteJson } from './json-text.ts';

describe('quoteJson', () => {
  it('quotes like JSON.stringify, escaping only when needed', () => {
    for (const value of ['alice', 'CORP\\alice', 'say "hi"', 'tab\there', 'zoë', '']) {
      expect(quoteJson(value)).toBe(JSON.stringify(value));
    }
  });
});

describe('formatIsoTime', () => {
  it('formats like toISOString across seconds and back in time', () => {
    const times = [
      Date.UTC(2025, 2, 3, 0, 0, 0, 5),
      Date.UTC(2025, 2, 3, 0, 0, 0, 999),
      Date.UTC(2025, 2, 3, 0, 0, 1, 40),
      Date.UTC(2024, 0, 1),
    ];
    for (const ms of times) expect(formatIsoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
