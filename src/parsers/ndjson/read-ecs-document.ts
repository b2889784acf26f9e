import type { SecurityEvent } from '../../core/index.ts';
import { isObject, readBoundedJson } from '../../core/index.ts';
import { completeEcsDocument } from './complete-ecs-document.ts';
import { mayHaveDottedKey } from './expand-dotted-keys.ts';

export type DocumentSkipReason =
  | 'blank'
  | 'invalid-json'
  | 'too-deep'
  | 'too-long'
  | 'not-an-object'
  | 'missing-timestamp'
  | 'invalid-timestamp';

/**
 * Turns one NDJSON line holding an ECS document into a SecurityEvent, or says why not (a line over
 * JSON_LIMITS is `too-deep` or `too-long`): a search
 * hit is unwrapped (its `_index`/`_id` kept as `klaxon.hit`), dotted keys are expanded,
 * `@timestamp` is required and normalised, and `event.original` is set to the raw line unless the
 * document already has one (completeEcsDocument, which `adopt` is passed to). The parsed object is
 * reused, never cloned.
 */
export function readEcsDocument(
  rawLine: string,
  adopt?: (doc: Record<string, unknown>) => void,
): SecurityEvent | DocumentSkipReason {
  // A byte order mark before the first line of a file: JSON.parse rejects it.
  const line = rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine;
  if (isBlank(line)) return 'blank';
  // Within JSON_LIMITS (depth, length): every later step walks the document recursively.
  const parsed = readBoundedJson(line);
  if (!parsed.ok) return parsed.reason;
  if (!isObject(parsed.value)) return 'not-an-object';
  return completeEcsDocument(parsed.value, line, mayHaveDottedKey(line), adopt);
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) return false;
  }
  return true;
}
