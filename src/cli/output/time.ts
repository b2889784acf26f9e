/** `2017-03-27 13:06:56Z`: ISO without the T and milliseconds, for tables. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `1,234,567`, as `toLocaleString('en-US')` writes it. Counts are whole numbers: those are grouped
 * here, since the first `toLocaleString` loads ICU's number formats (about 10 ms of a replay's start).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** `n` and the noun, grouped as formatCount groups it: `1 line`, `2 lines`, `1,000 events`. */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
