import { describe, expect, it } from 'vitest';
import { parseCron, type CronSchedule } from './cron-schedule.ts';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

function schedule(expression: string): CronSchedule {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.schedule;
}

describe('CronSchedule.nextRun', () => {
  it.each([
    ['0 8 * * *', '2024-03-04T07:59:59.999Z', '2024-03-04T08:00:00.000Z'],
    ['0 8 * * *', '2024-03-04T08:00:00.000Z', '2024-03-05T08:00:00.000Z'],
    ['0 8 * * *', '2024-03-04T08:00:00.001Z', '2024-03-05T08:00:00.000Z'],
    ['0 8 * * *', '2024-01-31T09:00:00.000Z', '2024-02-01T08:00:00.000Z'],
    ['0 8 * * *', '2023-12-31T08:30:00.000Z', '2024-01-01T08:00:00.000Z'],
    ['59 23 31 12 *', '2023-12-31T23:59:00.000Z', '2024-12-31T23:59:00.000Z'],
    ['0 0 1 * *', '2024-02-15T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['0 0 31 * *', '2024-04-01T00:00:00.000Z', '2024-05-31T00:00:00.000Z'],
    ['0 0 29 2 *', '2024-03-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 29 2 *', '2096-03-01T00:00:00.000Z', '2104-02-29T00:00:00.000Z'],
    ['30 9 * * 1', '2024-03-06T12:00:00.000Z', '2024-03-11T09:30:00.000Z'],
    ['0 9 * * 1-5', '2024-03-08T09:00:00.000Z', '2024-03-11T09:00:00.000Z'],
    ['0 9 * * sat,sun', '2024-03-04T00:00:00.000Z', '2024-03-09T09:00:00.000Z'],
    ['0 0 * * 7', '2024-03-04T00:00:00.000Z', '2024-03-10T00:00:00.000Z'],
    ['0 0 * * 1', '2024-12-31T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
    // Both day fields restricted: either one will do (Vixie cron).
    ['0 0 13 * 5', '2024-03-02T00:00:00.000Z', '2024-03-08T00:00:00.000Z'],
    ['0 0 13 * 5', '2024-03-08T00:00:00.000Z', '2024-03-13T00:00:00.000Z'],
    // A day field starting with `*` counts as unrestricted: both must hold.
    ['0 0 */2 * 1', '2024-03-02T00:00:00.000Z', '2024-03-11T00:00:00.000Z'],
    ['*/15 * * * *', '2024-03-04T10:07:00.000Z', '2024-03-04T10:15:00.000Z'],
    ['*/15 * * * *', '2024-03-04T23:50:00.000Z', '2024-03-05T00:00:00.000Z'],
    ['5/20 * * * *', '2024-03-04T10:46:00.000Z', '2024-03-04T11:05:00.000Z'],
    ['0 22-23/1,2 * * *', '2024-03-04T23:00:00.000Z', '2024-03-05T02:00:00.000Z'],
    ['@monthly', '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    ['@weekly', '2024-03-04T00:00:00.000Z', '2024-03-10T00:00:00.000Z'],
  ])('%s after %s is %s', (expression, after, expected) => {
    expect(iso(schedule(expression).nextRun(at(after)))).toBe(expected);
  });
});

describe('CronSchedule.previousRun', () => {
  it.each([
    ['0 8 * * *', '2024-03-04T08:00:00.000Z', '2024-03-03T08:00:00.000Z'],
    ['0 8 * * *', '2024-03-04T08:00:00.001Z', '2024-03-04T08:00:00.000Z'],
    ['0 8 * * *', '2024-01-01T07:00:00.000Z', '2023-12-31T08:00:00.000Z'],
    ['0 0 31 * *', '2024-05-01T00:00:00.000Z', '2024-03-31T00:00:00.000Z'],
    ['0 0 29 2 *', '2028-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['0 9 * * 1-5', '2024-03-11T09:00:00.000Z', '2024-03-08T09:00:00.000Z'],
    ['*/15 * * * *', '2024-03-05T00:00:00.000Z', '2024-03-04T23:45:00.000Z'],
  ])('%s before %s is %s', (expression, before, expected) => {
    expect(iso(schedule(expression).previousRun(at(before)))).toBe(expected);
  });
});

describe('CronSchedule against a minute-by-minute scan', () => {
  // Independent oracles written from the cron manual, checked against every minute of a range.
  const cases: [string, (d: Date) => boolean][] = [
    [
      '*/15 9-17 * * 1-5',
      (d) => d.getUTCMinutes() % 15 === 0 && inRange(d.getUTCHours(), 9, 17) && inRange(d.getUTCDay(), 1, 5),
    ],
    [
      '0 0 1,15 * *',
      (d) => d.getUTCMinutes() === 0 && d.getUTCHours() === 0 && [1, 15].includes(d.getUTCDate()),
    ],
    [
      '10 */6 * 2 0',
      (d) =>
        d.getUTCMinutes() === 10 && d.getUTCHours() % 6 === 0 && d.getUTCMonth() === 1 && d.getUTCDay() === 0,
    ],
    [
      '0 12 28-31 * 5',
      (d) =>
        d.getUTCMinutes() === 0 && d.getUTCHours() === 12 && (d.getUTCDate() >= 28 || d.getUTCDay() === 5),
    ],
  ];
  const start = at('2024-01-27T00:00:00.000Z');
  const end = at('2024-03-05T00:00:00.000Z');

  it.each(cases)('%s runs exactly when the oracle says', (expression, oracle) => {
    const cron = schedule(expression);
    const expected: number[] = [];
    for (let t = start; t < end; t += 60_000) if (oracle(new Date(t))) expected.push(t);
    const forward: number[] = [];
    for (let t = cron.nextRun(start - 1); t < end; t = cron.nextRun(t)) forward.push(t);
    const backward: number[] = [];
    for (let t = cron.previousRun(end); t >= start; t = cron.previousRun(t)) backward.unshift(t);
    expect(expected.length).toBeGreaterThan(0);
    expect(forward.map(iso)).toEqual(expected.map(iso));
    expect(backward.map(iso)).toEqual(expected.map(iso));
  });
});

function inRange(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}
