import type { MinuteCount } from '../core/index.ts';
import type { HeldRow } from './held-row.ts';

/**
 * A lone surrogate half: both drivers write text as UTF-8, which replaces it with U+FFFD. NUL too:
 * PostgreSQL refuses it in text (the write fails first), and a row holding one is read back anyway.
 */
const CHANGED_BY_DRIVERS = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/;

/**
 * Whether reading a row this transaction wrote (see KnownIncidents) would give back what it holds:
 * texts whole, numbers whole and safe (not -0, which is stored as 0, nor NaN, stored as null). The
 * samples are written as JSON.stringify made them, which escapes lone surrogates, and not looked at
 * (most of the row); minutes held as their list are pairs of numbers, whole and safe as well. An
 * incident whose row fails this is read from the database.
 */
export function readsBackAsHeld(row: HeldRow): boolean {
  for (const key in row) {
    if (key === 'samples_json' || key === 'samples') continue;
    const value = row[key as keyof HeldRow];
    if (typeof value === 'string') {
      if (CHANGED_BY_DRIVERS.test(value)) return false;
    } else if (typeof value === 'number') {
      if (!storedExactly(value)) return false;
    } else if (Array.isArray(value) && (key === 'minute_counts' || key === 'earlier_minute_counts')) {
      if (!(value as readonly MinuteCount[]).every((pair) => pair.length === 2 && pair.every(storedExactly)))
        return false;
    } else if (value !== null && value !== undefined) return false;
  }
  return row.samples_json !== undefined;
}

/** A number both drivers store and read back as it is: whole, safe, and not -0. */
function storedExactly(n: number): boolean {
  return Number.isSafeInteger(n) && !Object.is(n, -0);
}
