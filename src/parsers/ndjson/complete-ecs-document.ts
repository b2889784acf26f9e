import type { SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { expandDottedKeys } from './expand-dotted-keys.ts';
import { normalizeTimestamp } from './normalize-timestamp.ts';
import type { TimestampSkipReason } from './normalize-timestamp.ts';

/**
 * The steps readEcsDocument (a line) and readEcsObject (an object) share, on a parsed object,
 * changed in place:
 * - a search hit (`{"_index", "_id", "_source": {...}}`) is unwrapped to its `_source`; the hit's
 *   `_index`/`_id` are kept as `klaxon.hit.index`/`klaxon.hit.id` (not ECS fields, so they can
 *   never collide with what a rule or Winlogbeat means by a field);
 * - dotted keys are expanded into nested objects when `expandDots` (false: the caller knows there
 *   are none);
 * - `adopt`, if given, reshapes the document of another shipper into an ECS one (the Windows
 *   parser's NXLog documents), before the time is read;
 * - `@timestamp` is required and normalised to `toISOString()` form;
 * - `event.original` is set to `original` unless the document already has one (`original` may be
 *   undefined only when it has).
 */
export function completeEcsDocument(
  parsed: Record<string, unknown>,
  original: string | undefined,
  expandDots: boolean,
  adopt?: (doc: Record<string, unknown>) => void,
): SecurityEvent | TimestampSkipReason {
  let doc = isObject(parsed._source) ? unwrapHit(parsed, parsed._source) : parsed;
  if (expandDots) doc = expandDottedKeys(doc);
  adopt?.(doc);
  const timestamp = normalizeTimestamp(doc['@timestamp']);
  if (timestamp === 'missing-timestamp' || timestamp === 'invalid-timestamp') return timestamp;
  doc['@timestamp'] = timestamp;
  const event = doc.event;
  if (isObject(event)) {
    if ((event.original === undefined || event.original === null) && original !== undefined) {
      event.original = original;
    }
  } else {
    // ECS `event` is always an object; a stray scalar there cannot be kept in this shape.
    doc.event = original === undefined ? {} : { original };
  }
  return doc as SecurityEvent;
}

function unwrapHit(hit: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const index = hit._index;
  const id = hit._id;
  if (index === undefined && id === undefined) return source;
  const meta = isObject(source.klaxon) ? source.klaxon : (source.klaxon = {});
  meta.hit = { index, id };
  return source;
}
