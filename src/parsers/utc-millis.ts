/**
 * Epoch ms of a log's wall-clock time read as UTC (`month` 1-12), or NaN when it is no time: a
 * field out of range (hour 0-23, minute 0-59, second 0-60) or a day the month has not (Feb 30),
 * which Date.UTC would roll into another time. A leap second is the next minute's first.
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
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // The day as it falls after the time of day, which a leap second may carry into the next.
  const date = new Date(time - (second === 60 ? 1000 : 0));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : NaN;
}
