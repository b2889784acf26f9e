import { describe, expect, it } from 'vitest';
import { parseCronFields } from './cron-parse.ts';

describe('parseCronFields', () => {
  it.each([
    ['0 8 * * *'],
    ['*/15 9-17 * * 1-5'],
    ['0 0 1,15 * *'],
    ['5/20 * * * *'],
    ['0 12 * jan-mar mon,wed,FRI'],
    ['0 0 * * 7'],
    ['@daily'],
    ['  0   8 * *   *  '],
  ])('accepts %j', (expression) => {
    expect(parseCronFields(expression).ok).toBe(true);
  });

  it.each([
    ['0 8 * *', 'expected five fields'],
    ['0 8 * * * *', 'got 6 fields'],
    ['60 8 * * *', 'minute: 60 is out of range 0-59'],
    ['0 24 * * *', 'hour: 24 is out of range 0-23'],
    ['0 8 0 * *', 'day of month: 0 is out of range 1-31'],
    ['0 8 * 13 *', 'month: 13 is out of range 1-12'],
    ['0 8 * * 8', 'day of week: 8 is out of range 0-7'],
    ['0 8 * foo *', 'month: "foo" is not a number or a name (jan, feb'],
    ['*/0 * * * *', 'minute: the step in "*/0" must be at least 1'],
    ['0 17-9 * * *', 'hour: the range "17-9" runs backwards'],
    ['0 8 ? * *', 'day of month: cannot read "?"'],
    ['0 8 1,,2 * *', 'day of month: cannot read ""'],
    ['0 0 31 2 *', 'this schedule never runs'],
    ['0 0 30,31 2 *', 'this schedule never runs'],
    ['@reboot', 'unknown macro "@reboot"'],
    ['', 'got 1 field'],
  ])('rejects %j: %s', (expression, message) => {
    const parsed = parseCronFields(expression);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it('accepts Feb 29, which occurs in leap years', () => {
    expect(parseCronFields('0 0 29 2 *').ok).toBe(true);
  });

  it('reads names, ranges, steps and Sunday as 7', () => {
    const parsed = parseCronFields('5/20 9-17/4 * jan,mar-apr mon-wed,7');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const values = (set: readonly boolean[]) => set.flatMap((on, value) => (on ? [value] : []));
    expect(values(parsed.fields.minutes)).toEqual([5, 25, 45]);
    expect(values(parsed.fields.hours)).toEqual([9, 13, 17]);
    expect(values(parsed.fields.daysOfMonth)).toHaveLength(31);
    expect(values(parsed.fields.months)).toEqual([1, 3, 4]);
    expect(values(parsed.fields.daysOfWeek)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['0 0 13 * 5', true],
    ['0 0 * * 5', false],
    ['0 0 */2 * 1', false],
    ['0 0 13 * *', false],
  ])('%s matches either day field: %s', (expression, either) => {
    const parsed = parseCronFields(expression);
    expect(parsed.ok && parsed.fields.eitherDay).toBe(either);
  });
});
