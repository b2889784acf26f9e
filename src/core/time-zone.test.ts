import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { checkTimeZone, READ_AS_UTC, zonelessTimeIn } from './time-zone.ts';

const wall = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('times without a zone', () => {
  it('are UTC unless a zone is given', () => {
    expect(zonelessTimeIn(undefined)).toBe(READ_AS_UTC);
    expect(zonelessTimeIn('UTC')(wall('2024-03-04T10:00:00'))).toBe(wall('2024-03-04T10:00:00'));
  });

  it('are read in an IANA zone, summer and winter', () => {
    const berlin = zonelessTimeIn('Europe/Berlin');
    expect(iso(berlin(wall('2024-01-15T10:00:00')))).toBe('2024-01-15T09:00:00.000Z');
    expect(iso(berlin(wall('2024-07-15T10:00:00.250')))).toBe('2024-07-15T08:00:00.250Z');
    const newYork = zonelessTimeIn('America/New_York');
    expect(iso(newYork(wall('2024-07-15T23:30:00')))).toBe('2024-07-16T03:30:00.000Z');
    expect(iso(zonelessTimeIn('Asia/Kolkata')(wall('2024-07-15T10:00:00')))).toBe('2024-07-15T04:30:00.000Z');
  });

  it('read an hour written twice (clocks going back) as its first instant', () => {
    const berlin = zonelessTimeIn('Europe/Berlin');
    expect(iso(berlin(wall('2024-10-27T02:30:00')))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(berlin(wall('2024-10-27T03:00:00')))).toBe('2024-10-27T02:00:00.000Z');
    const newYork = zonelessTimeIn('America/New_York');
    expect(iso(newYork(wall('2024-11-03T01:30:00')))).toBe('2024-11-03T05:30:00.000Z');
  });

  it('read a time the clocks skipped with the offset before the change', () => {
    const berlin = zonelessTimeIn('Europe/Berlin');
    expect(iso(berlin(wall('2024-03-31T02:30:00')))).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(berlin(wall('2024-03-31T01:59:59')))).toBe('2024-03-31T00:59:59.000Z');
    expect(iso(berlin(wall('2024-03-31T03:00:00')))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('give every second of a day with a change as the exact conversion does, in any order', () => {
    // The cache holds an offset per quarter hour: the quarters around the change are converted exactly.
    const cached = zonelessTimeIn('Europe/Berlin');
    const start = wall('2024-10-26T22:00:00');
    const times = Array.from({ length: 8 * 3600 }, (_, second) => start + second * 1000);
    const forward = times.map(cached);
    const fresh = zonelessTimeIn('Europe/Berlin');
    const backward = [...times].reverse().map(fresh).reverse();
    expect(backward).toEqual(forward);
    // Monotone except where the hour repeats, and an hour apart across the repeat.
    expect(
      forward[times.indexOf(wall('2024-10-27T03:00:00'))]! -
        forward[times.indexOf(wall('2024-10-27T01:59:59'))]!,
    ).toBe(7_201_000);
  });

  it('read fixed offsets', () => {
    expect(iso(zonelessTimeIn('+02:00')(wall('2024-03-04T10:00:00')))).toBe('2024-03-04T08:00:00.000Z');
    expect(iso(zonelessTimeIn('-0530')(wall('2024-03-04T10:00:00')))).toBe('2024-03-04T15:30:00.000Z');
    expect(iso(zonelessTimeIn('UTC+05')(wall('2024-03-04T10:00:00')))).toBe('2024-03-04T05:00:00.000Z');
  });

  it('leave no time as no time', () => {
    expect(zonelessTimeIn('Europe/Berlin')(NaN)).toBeNaN();
  });

  it('refuse a zone it does not know, saying what it takes', () => {
    expect(checkTimeZone('Europe/Berlin')).toBeUndefined();
    expect(checkTimeZone('local')).toBeUndefined();
    expect(checkTimeZone('Europe/Berln')).toMatch(/unknown time zone "Europe\/Berln": give an IANA name/);
    expect(checkTimeZone('+25:00')).toMatch(/unknown time zone/);
    expect(() => zonelessTimeIn('Mars/Olympus')).toThrow(InputError);
  });

  it('take local as the zone of this machine', () => {
    const local = zonelessTimeIn('local');
    const at = wall('2024-07-15T10:00:00');
    const machine = new Date(2024, 6, 15, 10, 0, 0).getTime();
    expect(local(at)).toBe(machine);
  });
});
