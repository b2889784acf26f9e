/**
 * A copy of a JSON value with every string clipped to `maxChars` (marked with `…`) and every
 * array cut to `maxItems`, so an oversized body still reaches the receiver in a known shape.
 */
export function shrinkJson(value: unknown, maxChars: number, maxItems: number): unknown {
  if (typeof value === 'string') return value.length <= maxChars ? value : `${value.slice(0, maxChars - 1)}…`;
  if (Array.isArray(value))
    return value.slice(0, maxItems).map((item) => shrinkJson(item, maxChars, maxItems));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = shrinkJson(item, maxChars, maxItems);
  return out;
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
