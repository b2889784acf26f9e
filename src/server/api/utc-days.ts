export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The `count` UTC days ending with the day of `last`, oldest first, and when the first one starts. */
export function daysEndingAt(last: number, count: number): { days: string[]; start: number } {
  const start = Math.floor(last / DAY_MS) * DAY_MS - (count - 1) * DAY_MS;
  return { days: Array.from({ length: count }, (_, i) => utcDay(start + i * DAY_MS)), start };
}

/** The index of the day `at` falls on among days beginning at `start`, or undefined outside them. */
export function dayIndex(at: number, start: number, count: number): number | undefined {
  const index = Math.floor((at - start) / DAY_MS);
  return index >= 0 && index < count ? index : undefined;
}
