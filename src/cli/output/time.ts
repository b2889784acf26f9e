/** `2017-03-27 13:06:56Z`: ISO without the T and milliseconds, for tables. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
