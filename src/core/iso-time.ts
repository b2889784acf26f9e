/**
 * Epoch milliseconds of an ISO 8601 timestamp. The form `toISOString()` writes
 * (`2024-03-04T10:15:02.123Z`, what every parser normalizes `@timestamp` to) is read digit by
 * digit, several times faster than `Date.parse`; anything else goes to `Date.parse`.
 */
export function parseIsoMillis(text: string): number {
  if (text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(10) === 84) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const millis = digits(text, 20, 3);
    if ((year | month | day | hour | minute | second | millis) >= 0 && month >= 1 && month <= 12) {
      // Date.UTC would roll Feb 30 over into March; Date.parse rejects it, and so does this.
      if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
      return Date.UTC(year, month - 1, day, hour, minute, second, millis);
    }
  }
  return Date.parse(text);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
