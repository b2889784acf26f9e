const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-03-02 14:05:09` in the browser's time zone. */
export function formatDateTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `14:05:09`, for axes. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `3 min`, `2 h 5 min`, `4 d`: how long something lasted. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** `5 min ago` or `in 2 h`, relative to `now`. */
export function formatRelative(ms: number | undefined, now: number = Date.now()): string {
  if (ms === undefined) return '—';
  const span = formatSpan(Math.abs(now - ms));
  return ms <= now ? `${span} ago` : `in ${span}`;
}

/** `03-02` from `2024-03-02`, for day axes. */
export const shortDay = (day: string): string => day.slice(5);
