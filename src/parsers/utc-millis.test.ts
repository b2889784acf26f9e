import { describe, expect, it } from 'vitest';
import { utcMillis } from './utc-millis.ts';

describe('utcMillis', () => {
  it('reads a wall-clock time as UTC, a leap second included', () => {
    expect(new Date(utcMillis(2024, 3, 4, 10, 0, 1, 250)).toISOString()).toBe('2024-03-04T10:00:01.250Z');
    expect(new Date(utcMillis(2016, 12, 31, 23, 59, 60)).toISOString()).toBe('2017-01-01T00:00:00.000Z');
    expect(new Date(utcMillis(2024, 2, 29, 10, 0, 0)).toISOString()).toBe('2024-02-29T10:00:00.000Z');
  });

  it('gives NaN for a field out of range rather than another time', () => {
    const outOfRange: [number, number, number, number, number, number][] = [
      [2024, 0, 4, 10, 0, 0],
      [2024, 13, 4, 10, 0, 0],
      [2024, 3, 0, 10, 0, 0],
      [2024, 3, 32, 10, 0, 0],
      [2024, 3, 4, 24, 0, 0],
      [2024, 3, 4, 10, 60, 0],
      [2024, 3, 4, 10, 0, 61],
      [2024, 2, 30, 10, 0, 0],
      [2023, 2, 29, 10, 0, 0],
      [2024, 4, 31, 10, 0, 0],
    ];
    for (const fields of outOfRange) expect(utcMillis(...fields), fields.join(' ')).toBeNaN();
  });
});
