/** Every text leaf of an event, found once per event and kept while the event lives. */
const cache = new WeakMap<object, string[]>();

/** Bounds the walk on hostile documents: deeper or later values are not searched. */
const MAX_DEPTH = 16;
const MAX_VALUES = 10_000;

/**
 * The texts keyword searches look in: every string, number and boolean anywhere in the event
 * (the message, `event.original`, every field), as Sigma's "search the whole event".
 */
export function eventStrings(event: unknown): string[] {
  if (typeof event !== 'object' || event === null) return [];
  const found = cache.get(event);
  if (found !== undefined) return found;
  const texts: string[] = [];
  collect(event, 0, texts);
  cache.set(event, texts);
  return texts;
}

function collect(value: unknown, depth: number, into: string[]): void {
  if (into.length >= MAX_VALUES) return;
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (typeof value === 'object' && value !== null && depth < MAX_DEPTH) {
    for (const child of Array.isArray(value) ? value : Object.values(value)) collect(child, depth + 1, into);
  }
}
