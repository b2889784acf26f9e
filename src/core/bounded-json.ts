import { KlaxonError } from './errors.ts';

/**
 * Limits on JSON that comes from outside (log lines, search hits, request bodies). Every later
 * step that walks a document recursively (dotted-key expansion, `event.original`, snapshots,
 * samples in incidents) relies on them: nothing deeper than `maxDepth` gets past the reader.
 * - `maxDepth`: objects and arrays nested inside each other; real ECS documents stay under 10.
 * - `maxLength`: characters (UTF-16 units) of one line or document.
 */
export const JSON_LIMITS = { maxDepth: 64, maxLength: 1024 * 1024 } as const;

export interface JsonLimits {
  maxDepth: number;
  maxLength: number;
}

export type JsonRefusal = 'too-deep' | 'too-long';

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: JsonRefusal | 'invalid-json' };

/** A request body or document over a JSON limit; `code` is `too_deep` or `too_long` (HTTP 400). */
export class JsonLimitError extends KlaxonError {
  override name = 'JsonLimitError';
  constructor(reason: JsonRefusal, what: string, limits: JsonLimits = JSON_LIMITS) {
    super(reason === 'too-deep' ? 'too_deep' : 'too_long', `${what} ${describeJsonRefusal(reason, limits)}`);
  }
}

export function describeJsonRefusal(reason: JsonRefusal, limits: JsonLimits = JSON_LIMITS): string {
  return reason === 'too-deep'
    ? `is nested deeper than ${limits.maxDepth} levels (the JSON depth limit)`
    : `is longer than ${limits.maxLength} characters (the JSON size limit)`;
}

/**
 * Parses JSON text within the limits. The depth is checked first by counting brackets outside
 * strings (one linear pass, no recursion), so a hostile line is refused before JSON.parse builds it.
 */
export function readBoundedJson(text: string, limits: JsonLimits = JSON_LIMITS): BoundedJson {
  const refusal = checkJsonText(text, limits);
  if (refusal !== null) return { ok: false, reason: refusal };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'invalid-json' };
  }
}

/** Whether JSON text is over a limit; text that is no JSON at all passes (JSON.parse will say so). */
export function checkJsonText(text: string, limits: JsonLimits = JSON_LIMITS): JsonRefusal | null {
  if (text.length > limits.maxLength) return 'too-long';
  const max = limits.maxDepth;
  // Fast path: with no more brackets in all than the limit (strings included), no nesting can pass it.
  if (countBrackets(text, '{', max) + countBrackets(text, '[', max) <= max) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      i = closingQuote(text, i + 1);
      if (i === -1) return null;
    } else if (code === 123 || code === 91) {
      if (++depth > max) return 'too-deep';
    } else if (code === 125 || code === 93) {
      depth--;
    }
  }
  return null;
}

/** How often `bracket` occurs, counted up to `max + 1` (indexOf hops are far quicker than a char loop). */
function countBrackets(text: string, bracket: string, max: number): number {
  let count = 0;
  for (let at = text.indexOf(bracket); at !== -1 && count <= max; at = text.indexOf(bracket, at + 1)) count++;
  return count;
}

/** Index of the quote that ends a string opened before `from`, or -1. Linear: each `\` run is read once. */
function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return -1;
    let before = quote - 1;
    while (before >= from && text.charCodeAt(before) === 92) before--;
    if ((quote - 1 - before) % 2 === 0) return quote;
    at = quote + 1;
  }
}

/**
 * Whether an already parsed value (a search hit) is over the depth limit, or over the size limit
 * counting the characters of its strings and keys. Iterative, and it stops at the first breach.
 */
export function checkJsonValue(value: unknown, limits: JsonLimits = JSON_LIMITS): JsonRefusal | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let length = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const item = next.value;
    if (typeof item === 'string') length += item.length + 2;
    else length += 8;
    if (length > limits.maxLength) return 'too-long';
    if (typeof item !== 'object' || item === null) continue;
    const depth = next.depth + 1;
    if (depth > limits.maxDepth) return 'too-deep';
    if (Array.isArray(item)) {
      for (const child of item as unknown[]) stack.push({ value: child, depth });
    } else {
      for (const key in item) {
        length += key.length + 3;
        stack.push({ value: (item as Record<string, unknown>)[key], depth });
      }
    }
  }
  return null;
}
