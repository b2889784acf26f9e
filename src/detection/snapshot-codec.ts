/**
 * JSON for engine snapshots: window states hold Maps and -Infinity, which JSON has no words for.
 * A Map is written as `{"$map": [[key, value], ...]}`, a non-finite number as `{"$num": "-Infinity"}`.
 */
export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return { $map: [...item] };
    if (typeof item === 'number' && !Number.isFinite(item)) return { $num: String(item) };
    return item;
  });
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
