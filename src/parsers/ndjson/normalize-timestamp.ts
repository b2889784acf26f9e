import { canonicalIsoMillis } from '../../core/index.ts';

export type TimestampSkipReason = 'missing-timestamp' | 'invalid-timestamp';

const MAX_MS = 8_640_000_000_000_000;

/**
 * Normalises an `@timestamp` value to `Date#toISOString()` form (UTC, milliseconds), as
 * Elasticsearch's default `strict_date_optional_time||epoch_millis` reads it:
 * - an ISO 8601 string starting `YYYY-MM-DD`; a date-time without offset is UTC (JavaScript's
 *   Date would read it as local time); fraction digits beyond milliseconds are truncated;
 * - epoch milliseconds as a number or a string of digits.
 */
export function normalizeTimestamp(value: unknown): string | TimestampSkipReason {
  if (value === undefined || value === null || value === '') return 'missing-timestamp';
  if (typeof value === 'number') return formatMillis(value);
  if (typeof value !== 'string') return 'invalid-timestamp';
  if (isCanonical(value)) return value; // the common case: already what toISOString() writes
  if (hasExtraFractionDigits(value)) {
    const truncated = `${value.slice(0, 23)}Z`; // micro- or nanoseconds (Winlogbeat, date_nanos)
    return isCanonical(truncated) ? truncated : 'invalid-timestamp';
  }
  if (isDigits(value)) return formatMillis(Number(value));
  if (!startsWithValidDate(value)) return 'invalid-timestamp'; // Date would roll Feb 30 over to March
  return formatMillis(Date.parse(lacksOffset(value) ? `${value}Z` : value));
}

function formatMillis(ms: number): string | TimestampSkipReason {
  return Math.abs(ms) <= MAX_MS ? new Date(ms).toISOString() : 'invalid-timestamp'; // false for NaN too
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Exactly `YYYY-MM-DDTHH:mm:ss.sssZ` with every part in range: toISOString() would return it unchanged. */
function isCanonical(text: string): boolean {
  return !Number.isNaN(canonicalIsoMillis(text));
}

/** `…ss.sss` followed by more fraction digits and `Z`. */
function hasExtraFractionDigits(text: string): boolean {
  const last = text.length - 1;
  if (last < 24 || text.charCodeAt(last) !== 90 || text.charCodeAt(19) !== 46) return false;
  return readDigits(text, 20, last - 20) >= 0;
}

/** The number written by `count` digits at `from`, or -1 when one is not a digit. */
function readDigits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isDigits(text: string): boolean {
  const start = text.charCodeAt(0) === 45 ? 1 : 0; // '-': before 1970
  if (text.length === start) return false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `YYYY-MM-DD` with a month and a day that exist. */
function startsWithValidDate(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] as number));
}

/** A date-time (`T` or space after the date) with no `Z` and no `+hh:mm`/`-hh:mm` after the date. */
function lacksOffset(text: string): boolean {
  if (text.length <= 10) return false; // date only: Date reads it as UTC already
  const last = text.charCodeAt(text.length - 1);
  if (last === 90 || last === 122) return false; // Z z
  return text.indexOf('+', 11) === -1 && text.indexOf('-', 11) === -1;
}
