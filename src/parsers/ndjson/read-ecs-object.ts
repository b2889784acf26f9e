import type { SecurityEvent } from '../../core/index.ts';
import { checkJsonValue, isObject } from '../../core/index.ts';
import { completeEcsDocument } from './complete-ecs-document.ts';
import type { DocumentSkipReason } from './read-ecs-document.ts';

/**
 * Does for an already parsed object (a hit from an Elasticsearch source) what readEcsDocument does
 * for a line: unwraps a search hit, expands dotted keys, normalises `@timestamp`, and sets
 * `event.original` to the JSON text of `_source` (of the object itself when it is no hit) unless
 * the document has one; `adopt`: see completeEcsDocument. A hit over JSON_LIMITS is `too-deep` or
 * `too-long`. The object is changed in place, never cloned.
 */
export function readEcsObject(
  document: Record<string, unknown>,
  adopt?: (doc: Record<string, unknown>) => void,
): SecurityEvent | DocumentSkipReason {
  // A hit arrives parsed (JSON.parse itself does not recurse); what follows does.
  const refusal = checkJsonValue(document);
  if (refusal !== null) return refusal;
  const source = isObject(document._source) ? document._source : document;
  // Taken before anything is changed: klaxon.hit and expanded keys are not what the cluster holds.
  const original = hasOriginal(source) ? undefined : JSON.stringify(source);
  return completeEcsDocument(document, original, true, adopt);
}

function hasOriginal(source: Record<string, unknown>): boolean {
  const event = source.event;
  if (isObject(event) && event.original !== undefined && event.original !== null) return true;
  // A dotted `event.original` becomes the nested one, unless a scalar `event` is in its way.
  const dotted = source['event.original'];
  return dotted !== undefined && dotted !== null && (event === undefined || isObject(event));
}
