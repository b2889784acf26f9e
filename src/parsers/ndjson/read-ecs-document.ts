import type { SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { expandDottedKeys, mayHaveDottedKey } from './expand-dotted-keys.ts';
import { normalizeTimestamp } from './normalize-timestamp.ts';

export type DocumentSkipReason =
  'blank' | 'invalid-json' | 'not-an-object' | 'missing-timestamp' | 'invalid-timestamp';

const INVALID_JSON = Symbol('invalid-json');

/**
 * Turns one NDJSON line holding an ECS document into a SecurityEvent, or says why not.
 * - A search hit (`{"_index", "_id", "_source": {...}}`) is unwrapped to its `_source`; the hit's
 *   `_index`/`_id` are kept as `klaxon.hit.index`/`klaxon.hit.id` (not ECS fields, so they can
 *   never collide with what a rule or Winlogbeat means by a field).
 * - Dotted keys are expanded into nested objects, as Elasticsearch reads them.
 * - `@timestamp` is required and normalised to `toISOString()` form.
 * - `event.original` is set to the raw line unless the document already has one.
 * The parsed object is reused, never cloned.
 */
export function readEcsDocument(rawLine: string): SecurityEvent | DocumentSkipReason {
  // A byte order mark before the first line of a file: JSON.parse rejects it.
  const line = rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine;
  if (isBlank(line)) return 'blank';
  const parsed = parseJson(line);
  if (parsed === INVALID_JSON) return 'invalid-json';
  if (!isObject(parsed)) return 'not-an-object';
  let doc = isObject(parsed._source) ? unwrapHit(parsed, parsed._source) : parsed;
  if (mayHaveDottedKey(line)) doc = expandDottedKeys(doc);
  const timestamp = normalizeTimestamp(doc['@timestamp']);
  if (timestamp === 'missing-timestamp' || timestamp === 'invalid-timestamp') return timestamp;
  doc['@timestamp'] = timestamp;
  const event = doc.event;
  if (isObject(event)) {
    if (event.original === undefined || event.original === null) event.original = line;
  } else {
    // ECS `event` is always an object; a stray scalar there cannot be kept in this shape.
    doc.event = { original: line };
  }
  return doc as SecurityEvent;
}

// Kept apart so the try/catch does not stop the caller from being optimised.
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return INVALID_JSON;
  }
}

function unwrapHit(hit: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const index = hit._index;
  const id = hit._id;
  if (index === undefined && id === undefined) return source;
  const meta = isObject(source.klaxon) ? source.klaxon : (source.klaxon = {});
  meta.hit = { index, id };
  return source;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) return false;
  }
  return true;
}
