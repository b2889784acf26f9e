import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIsoMillis, parseIsoMillis } from './iso-time.ts';

describe('parseIsoMillis', () => {
  it.each([
    '2024-03-04T10:15:02.123Z',
    '1999-12-31T23:59:59.999Z',
    '2024-02-29T00:00:00.000Z',
    '2017-03-27T13:06:56Z',
    '2017-03-27T13:06:56.5+02:00',
  ])('agrees with Date.parse on %s', (text) => {
    expect(parseIsoMillis(text)).toBe(Date.parse(text));
  });

  it('agrees with Date.parse on every date-time toISOString writes with a 4-digit year', () => {
    const min = Date.parse('0000-01-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseIsoMillis(text)).toBe(Date.parse(text));
        expect(parseIsoMillis(text)).toBe(ms);
      }),
      { numRuns: 20_000, seed: 13 },
    );
    for (const text of ['0000-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '0400-02-29T12:00:00.000Z'])
      expect(parseIsoMillis(text), text).toBe(Date.parse(text));
  });

  it.each(['2023-02-29T00:00:00.000Z', '2024-13-01T00:00:00.000Z', 'yesterday', '2024-03-04T1x:15:02.123Z'])(
    'rejects %s',
    (text) => {
      expect(parseIsoMillis(text)).toBeNaN();
    },
  );
});

describe('canonicalIsoMillis', () => {
  it('reads what toISOString writes as parseIsoMillis does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: 253402300799999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(canonicalIsoMillis(text)).toBe(ms);
        expect(parseIsoMillis(text)).toBe(ms);
      }),
      { numRuns: 5_000, seed: 17 },
    );
  });

  it.each([
    '2024-03-04T10:15:02Z',
    '2024-03-04T10:15:02.123+00:00',
    '2024-03-04 10:15:02.123Z',
    '2024/03/04T10:15:02.123Z',
    '2024-03-04T10:15:02,123Z',
    '2023-02-29T00:00:00.000Z',
    '2024-03-04T24:00:00.000Z',
    '2024-03-04T1x:15:02.123Z',
  ])('is NaN for %s, which is not in toISOString form', (text) => {
    expect(canonicalIsoMillis(text)).toBeNaN();
  });

  it('leaves parseIsoMillis of other text as it was after reading a timestamp', () => {
    expect(canonicalIsoMillis('2024-03-04T10:15:02.123Z')).toBe(Date.parse('2024-03-04T10:15:02.123Z'));
    expect(parseIsoMillis('2024-03-04T10:15:02.124Z')).toBe(Date.parse('2024-03-04T10:15:02.124Z'));
    expect(parseIsoMillis('2024-03-04T10:15:02.123Z')).toBe(Date.parse('2024-03-04T10:15:02.123Z'));
  });
});
