import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { checkTimeZone, READ_AS_UTC, zonelessTimeIn } from './time-zone.ts';

const wall = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString();
/** `instant` as a clock in `zone` shows it, read as if UTC: what a log without a zone writes. */
const wallTimeIn = (zone: string, instant: number): number =>
  // Swedish writes dates year first: `2024-10-27 02:30:00`.
  Date.parse(`${new Date(instant).toLocaleString('sv-SE', { timeZone: zone }).replace(' ', 'T')}Z`);

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

  it('read an hour written twice (clocks going back) as its first instant when nothing came before', () => {
    expect(iso(zonelessTimeIn('Europe/Berlin')(wall('2024-10-27T02:30:00')))).toBe(
      '2024-10-27T00:30:00.000Z',
    );
    expect(iso(zonelessTimeIn('Europe/Berlin')(wall('2024-10-27T03:00:00')))).toBe(
      '2024-10-27T02:00:00.000Z',
    );
    expect(iso(zonelessTimeIn('America/New_York')(wall('2024-11-03T01:30:00')))).toBe(
      '2024-11-03T05:30:00.000Z',
    );
  });

  it('read the hour written twice in log order: its second pass follows its first', () => {
    // A line a minute through the night the clocks go back, written in each zone's wall time.
    for (const [zone, from] of [
      ['Europe/Berlin', '2024-10-26T22:00:00Z'],
      ['America/New_York', '2024-11-03T03:00:00Z'],
      ['Australia/Lord_Howe', '2024-04-06T12:00:00Z'], // goes back half an hour
    ] as const) {
      const instants = Array.from({ length: 6 * 60 }, (_, minute) => Date.parse(from) + minute * 60_000);
      const written = instants.map((instant) => wallTimeIn(zone, instant));
      const read = zonelessTimeIn(zone);
      expect(written.map(read).map(iso), zone).toEqual(instants.map(iso));
      expect(new Set(written).size, `${zone} repeats wall times`).toBeLessThan(written.length);
    }
  });

  it('keep a line a little out of order in its pass of the repeated hour', () => {
    const read = zonelessTimeIn('Europe/Berlin');
    const lines = ['02:58:00', '02:59:59', '02:59:30', '02:00:01', '02:00:00', '02:10:00', '03:00:00'];
    expect(lines.map((time) => iso(read(wall(`2024-10-27T${time}`))))).toEqual([
      '2024-10-27T00:58:00.000Z',
      '2024-10-27T00:59:59.000Z',
      '2024-10-27T00:59:30.000Z',
      '2024-10-27T01:00:01.000Z',
      '2024-10-27T01:00:00.000Z',
      '2024-10-27T01:10:00.000Z',
      '2024-10-27T02:00:00.000Z',
    ]);
  });

  it('read a time the clocks skipped with the offset before the change', () => {
    const berlin = zonelessTimeIn('Europe/Berlin');
    expect(iso(berlin(wall('2024-03-31T02:30:00')))).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(berlin(wall('2024-03-31T01:59:59')))).toBe('2024-03-31T00:59:59.000Z');
    expect(iso(berlin(wall('2024-03-31T03:00:00')))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('give every second of a night with a change its instant, each wall time read once', () => {
    // The offset is kept per quarter hour: the quarters around the change are converted exactly.
    const from = Date.parse('2024-10-26T20:00:00Z');
    const firstInstantOf = new Map<number, number>();
    for (let instant = from; instant < from + 8 * 3600_000; instant += 1000) {
      const time = wallTimeIn('Europe/Berlin', instant);
      if (!firstInstantOf.has(time)) firstInstantOf.set(time, instant);
    }
    const times = [...firstInstantOf.keys()].sort((a, b) => a - b);
    const read = times.map(zonelessTimeIn('Europe/Berlin'));
    expect(read).toEqual(times.map((time) => firstInstantOf.get(time)));
    // Each wall time once: the repeated hour is its first pass, so 01:59:59 and 03:00:00 are 2 h apart.
    expect(
      read[times.indexOf(wall('2024-10-27T03:00:00'))]! - read[times.indexOf(wall('2024-10-27T01:59:59'))]!,
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
