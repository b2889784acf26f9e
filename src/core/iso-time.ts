/**
 * Epoch milliseconds of an ISO 8601 timestamp. The form `toISOString()` writes
 * (`2024-03-04T10:15:02.123Z`, what every parser normalizes `@timestamp` to) is read digit by
 * digit, several times faster than `Date.parse`; anything else goes to `Date.parse`.
 */
export function parseIsoMillis(text: string): number {
  if (text === lastCanonical) return lastCanonicalMillis;
  if (text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(10) === 84) {
    const millis = fixedFormMillis(text);
    if (millis !== NOT_DIGITS) return millis;
  }
  return Date.parse(text);
}

/** What fixedFormMillis answers for a form with a non-digit where a digit belongs, or no such month. */
const NOT_DIGITS = Infinity;

/** Milliseconds of a `YYYY-MM-DDTHH:mm:ss.sssZ` form by its digits (the rest unread); NaN for a part out of range. */
function fixedFormMillis(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12)
    return NOT_DIGITS;
  // Date.UTC would roll Feb 30 over into March; Date.parse rejects it, and so does this.
  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/**
 * The timestamp canonicalIsoMillis last accepted and its milliseconds: a parser that checks an
 * event's `@timestamp` and then asks its time reads the text once (a slice of a long line, whose
 * characters are slow to read).
 */
let lastCanonical = '1970-01-01T00:00:00.000Z';
let lastCanonicalMillis = 0;

/**
 * Epoch milliseconds of `text` if it is exactly what `toISOString()` writes
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`, every part in range: toISOString() would return it unchanged),
 * else NaN. parseIsoMillis gives the same milliseconds for it.
 */
export function canonicalIsoMillis(text: string): number {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 || text.charCodeAt(10) !== 84) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return NaN;
  if (text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46) return NaN;
  const millis = fixedFormMillis(text);
  if (millis === NOT_DIGITS || Number.isNaN(millis)) return NaN;
  lastCanonical = text;
  lastCanonicalMillis = millis;
  return millis;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil):
 * arithmetic, where Date.UTC is a call into the runtime (and reads years 0-99 as 1900-1999).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}
