import { SNAPSHOT_FORM } from '../core/index.ts';

/**
 * JSON for engine snapshots: window states hold Maps and -Infinity, which JSON has no words for.
 * A Map is written as `{"$map": [[key, value], ...]}`, a non-finite number as `{"$num": "-Infinity"}`,
 * an event that saves itself compactly (SNAPSHOT_FORM) in that form. The value is made JSON-ready
 * first and then written by JSON.stringify without a replacer (much faster), which also keeps
 * `toJSON` (that parses a slim event whole) from running for events that have a compact form.
 */
export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(ready(value));
}

function ready(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $num: String(value) };
  if (typeof value !== 'object' || value === null) return value;
  const compact = (value as { [SNAPSHOT_FORM]?: unknown })[SNAPSHOT_FORM];
  if (typeof compact === 'function') return ready(compact.call(value));
  if (Array.isArray(value)) return value.map(ready);
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [ready(key), ready(item)]) };
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return ready(toJSON.call(value));
  // No prototype: a field named `__proto__` (hostile input) stays a field.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // As JSON.stringify leaves them out of objects.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out[key] = ready(item);
  }
  return out;
}

export function decodeSnapshot(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    if ('$map' in record && Array.isArray(record.$map)) return new Map(record.$map as [unknown, unknown][]);
    if ('$num' in record && typeof record.$num === 'string') return Number(record.$num);
    return item;
  });
}
