import { defineOwnField, SAVED_FORM, SAVED_FORMAT, SAVED_MARKERS, SNAPSHOT_FORM } from '../core/index.ts';

/**
 * JSON for engine snapshots: window states hold Maps and -Infinity, which JSON has no words for.
 * A Map is written as `{"$map": [[key, value], ...]}`, a non-finite number as `{"$num": "-Infinity"}`,
 * an event that saves itself compactly (SNAPSHOT_FORM) in that form, with its markers (`|format`,
 * SAVED_MARKERS). A key of the state's own that begins with `$` or `|` (an event's field: hostile
 * input may name one `$map` or `|format`) is written with one `$` more and read back without it, so
 * no data reads back as a Map, a number or a saved event. The value is made JSON-ready first and
 * then written by JSON.stringify without a replacer (much faster), which also keeps `toJSON` (that
 * parses a slim event whole) from running for events that have a compact form.
 */
export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(ready(value));
}

function ready(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $num: String(value) };
  if (typeof value !== 'object' || value === null) return value;
  const compact = (value as { [SNAPSHOT_FORM]?: unknown })[SNAPSHOT_FORM];
  if (typeof compact === 'function') return readyObject(compact.call(value) as object, SAVED_MARKERS);
  if (Array.isArray(value)) return value.map(ready);
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [ready(key), ready(item)]) };
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return ready(toJSON.call(value));
  return readyObject(value, NO_MARKERS);
}

/** An object's own fields made JSON-ready, their keys escaped unless they are `markers`. */
function readyObject(value: object, markers: ReadonlySet<string>): Record<string, unknown> {
  // No prototype: a field named `__proto__` (hostile input) stays a field.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // As JSON.stringify leaves them out of objects.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out[needsEscape(key) && !markers.has(key) ? `$${key}` : key] = ready(item);
  }
  return out;
}

const DOLLAR = 36;
const BAR = 124;
const NO_MARKERS: ReadonlySet<string> = new Set();

function needsEscape(key: string): boolean {
  const first = key.charCodeAt(0);
  return first === DOLLAR || first === BAR;
}

export function decodeSnapshot(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    if (Object.hasOwn(record, '$map') && Array.isArray(record.$map))
      return new Map(record.$map as [unknown, unknown][]);
    if (Object.hasOwn(record, '$num') && typeof record.$num === 'string') return Number(record.$num);
    // Unescaped, the format marker was written by a compact form (an event's own `|format` is `$|format`).
    const saved = typeof record[SAVED_FORMAT] === 'string' && Object.hasOwn(record, SAVED_FORMAT);
    const out = unescapeKeys(record);
    if (saved) Object.defineProperty(out, SAVED_FORM, { value: true });
    return out;
  });
}

/** The record with its `$$`-escaped keys read back; most have none and are returned as they are. */
function unescapeKeys(record: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(record);
  if (!keys.some((key) => key.charCodeAt(0) === DOLLAR)) return record;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const name = key.charCodeAt(0) === DOLLAR ? key.slice(1) : key;
    // Defined, not assigned: a field named `__proto__` stays a field.
    defineOwnField(out, name, record[key]);
  }
  return out;
}
