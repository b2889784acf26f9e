import type { SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { completeEcsDocument } from './complete-ecs-document.ts';
import { mayHaveDottedKey } from './expand-dotted-keys.ts';

export type DocumentSkipReason =
  'blank' | 'invalid-json' | 'not-an-object' | 'missing-timestamp' | 'invalid-timestamp';

const INVALID_JSON = Symbol('invalid-json');

/**
 * Turns one NDJSON line holding an ECS document into a SecurityEvent, or says why not: a search
 * hit is unwrapped (its `_index`/`_id` kept as `klaxon.hit`), dotted keys are expanded,
 * `@timestamp` is required and normalised, and `event.original` is set to the raw line unless the
 * document already has one (completeEcsDocument). The parsed object is reused, never cloned.
 */
export function readEcsDocument(rawLine: string): SecurityEvent | DocumentSkipReason {
  // A byte order mark before the first line of a file: JSON.parse rejects it.
  const line = rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine;
  if (isBlank(line)) return 'blank';
  const parsed = parseJson(line);
  if (parsed === INVALID_JSON) return 'invalid-json';
  if (!isObject(parsed)) return 'not-an-object';
  return completeEcsDocument(parsed, line, mayHaveDottedKey(line));
}

// Kept apart so the try/catch does not stop the caller from being optimised.
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return INVALID_JSON;
  }
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) return false;
  }
  return true;
}
