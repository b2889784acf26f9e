import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimestampFormatter } from './format-timestamp.ts';

describe('createTimestampFormatter', () => {
  it('writes what toISOString writes, for times in order, out of order and repeated', () => {
    const time = fc.oneof(
      fc.integer({ min: 0, max: 253_402_300_799_999 }),
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_200_000 }),
      fc.integer({ min: -62_198_755_200_000, max: 8_640_000_000_000_000 }),
      fc.double({ min: 0, max: 2e12, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 50 }), (times) => {
        const format = createTimestampFormatter();
        for (const value of [...times, ...times.slice(0, 5)])
          expect(format(value)).toBe(new Date(value).toISOString());
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('writes every second of minutes in a row and jumps between minutes, days and back', () => {
    const format = createTimestampFormatter();
    const start = Date.parse('2024-02-29T23:58:00.000Z');
    const times: number[] = [];
    for (let ms = 0; ms < 4 * 60_000; ms += 1000) times.push(start + ms);
    times.push(start + 59_999, start + 60_000, start + 1, start - 1, start + 86_400_000, start + 7_007);
    for (const time of times) expect(format(time)).toBe(new Date(time).toISOString());
  });

  it('turns days, years and the last millisecond of a day', () => {
    const format = createTimestampFormatter();
    for (const iso of [
      '2023-12-31T23:59:59.999Z',
      '2024-01-01T00:00:00.000Z',
      '2024-02-29T12:00:00.001Z',
      '2024-02-29T12:00:00.010Z',
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2024-03-01T00:00:00.100Z',
    ])
      expect(format(Date.parse(iso))).toBe(iso);
  });
});
