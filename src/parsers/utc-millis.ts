/**
 * Epoch ms of a log's wall-clock time read as UTC (`month` 1-12), or NaN when a field is out of
 * range (day 1-31, hour 0-23, minute 0-59, second 0-60): Date.UTC would roll it into another time.
 */
export function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms = 0,
): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
