import { describe, expect, it } from 'vitest';
import { createYearResolver } from './year-resolver.ts';

const NOON = 12 * 3_600_000;
const JAN = 0;
const FEB = 1;
const MAR = 2;
const APR = 3;
const DEC = 11;

describe('createYearResolver with an explicit year', () => {
  it('uses the given year and says nothing in notes', () => {
    const years = createYearResolver({ year: 2017, referenceTime: Date.UTC(2030, 0, 1) });
    expect(years.resolveYear(MAR, 27, NOON)).toBe(2017);
    expect(years.resolveYear(APR, 20, NOON)).toBe(2017);
    expect(years.describeDecision()).toBeUndefined();
  });

  it('rolls over to the next year when the month goes from December to January', () => {
    const years = createYearResolver({ year: 2016 });
    expect([DEC, DEC, JAN, FEB].map((month) => years.resolveYear(month, 1, NOON))).toEqual([
      2016, 2016, 2017, 2017,
    ]);
  });

  it('keeps the year for a line slightly out of order across a month boundary', () => {
    const years = createYearResolver({ year: 2017 });
    expect([APR, MAR, APR].map((month) => years.resolveYear(month, 1, NOON))).toEqual([2017, 2017, 2017]);
  });

  it('puts a late December line right after the new year in the old year', () => {
    const years = createYearResolver({ year: 2016 });
    expect([DEC, JAN, DEC, JAN].map((month) => years.resolveYear(month, 31, NOON))).toEqual([
      2016, 2017, 2016, 2017,
    ]);
  });

  it('does not treat a gap from January to December of one year as a late line', () => {
    const years = createYearResolver({ year: 2017 });
    expect([JAN, DEC].map((month) => years.resolveYear(month, 1, NOON))).toEqual([2017, 2017]);
  });
});

describe('createYearResolver with a reference time', () => {
  it("takes the reference time's year when the date is not after it", () => {
    const years = createYearResolver({
      referenceTime: Date.UTC(2017, APR, 20, 12),
      inputName: '/var/log/auth.log',
    });
    expect(years.resolveYear(MAR, 27, NOON)).toBe(2017);
    expect(years.describeDecision()).toBe(
      "year not in the log: inferred 2017 from auth.log's modification time; pass --year to override",
    );
  });

  it('puts a December log read in January in the year before', () => {
    const years = createYearResolver({ referenceTime: Date.UTC(2026, JAN, 3, 8), inputName: 'auth.log' });
    expect(years.resolveYear(DEC, 30, NOON)).toBe(2025);
    expect(years.resolveYear(JAN, 2, NOON)).toBe(2026);
    expect(years.describeDecision()).toBe(
      "year not in the log: inferred 2025-2026 from auth.log's modification time; pass --year to override",
    );
  });

  it('allows a date up to one day after the reference time (clock skew)', () => {
    const reference = Date.UTC(2025, DEC, 31, 23, 0);
    const years = createYearResolver({ referenceTime: reference });
    expect(years.resolveYear(JAN, 1, 30 * 60_000)).toBe(2026);
    expect(years.resolveYear(JAN, 2, NOON)).toBe(2025);
  });

  it('chooses a leap year for February 29', () => {
    const years = createYearResolver({ referenceTime: Date.UTC(2026, MAR, 10) });
    expect(years.resolveYear(FEB, 29, NOON)).toBe(2024);
  });

  it('says nothing until a line needed the year', () => {
    expect(createYearResolver({ referenceTime: Date.UTC(2026, 0, 1) }).describeDecision()).toBeUndefined();
  });

  it('names the input generically when it has no name', () => {
    const years = createYearResolver({ referenceTime: Date.UTC(2017, APR, 20) });
    years.resolveYear(MAR, 1, 0);
    expect(years.describeDecision()).toContain("from the input's modification time");
  });
});

describe('createYearResolver without year or reference time', () => {
  it('infers from the current date and says so', () => {
    const years = createYearResolver({ now: Date.UTC(2026, JAN, 5) });
    expect(years.resolveYear(DEC, 28, NOON)).toBe(2025);
    expect(years.describeDecision()).toBe(
      'year not in the log: inferred 2025 from the current date; pass --year to override',
    );
  });
});
