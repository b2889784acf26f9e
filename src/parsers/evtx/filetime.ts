/** Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const EPOCH_DIFFERENCE_S = 11_644_473_600;

/**
 * A FILETIME (100 ns ticks since 1601) as "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC, the text
 * python-evtx gives (microseconds, rounded half to even from a double, no fraction when zero), so
 * documents compare equal with ones converted by it.
 */
export function formatFiletime(ticks: bigint): string {
  const seconds = Number(ticks) * 1e-7 - EPOCH_DIFFERENCE_S;
  let whole = Math.trunc(seconds);
  let micros = roundHalfEven((seconds - whole) * 1e6);
  if (micros >= 1e6) {
    micros -= 1e6;
    whole += 1;
  } else if (micros < 0) {
    micros += 1e6;
    whole -= 1;
  }
  return formatSeconds(whole, micros);
}

/** A SYSTEMTIME (eight 16-bit fields: year, month, weekday, day, hour, minute, second, ms). */
export function formatSystemtime(parts: readonly number[]): string {
  const [year, month, , day, hour, minute, second, millis] = parts as number[];
  const date = `${pad(year ?? 0, 4)}-${pad(month ?? 0, 2)}-${pad(day ?? 0, 2)}`;
  const time = `${pad(hour ?? 0, 2)}:${pad(minute ?? 0, 2)}:${pad(second ?? 0, 2)}`;
  return millis ? `${date} ${time}.${pad(millis * 1000, 6)}` : `${date} ${time}`;
}

/** python-evtx's "YYYY-MM-DD HH:MM:SS[.ffffff]" as ISO 8601 UTC with six fraction digits. */
export function toIsoTimestamp(text: string): string | undefined {
  const match = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?/.exec(text);
  if (match === null) return undefined;
  const fraction = match[3] === undefined ? '' : `.${match[3].padEnd(6, '0').slice(0, 6)}`;
  return `${match[1]}T${match[2]}${fraction}Z`;
}

function formatSeconds(seconds: number, micros: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return '0001-01-01 00:00:00';
  const text = date.toISOString().slice(0, 19).replace('T', ' ');
  return micros === 0 ? text : `${text}.${pad(micros, 6)}`;
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
