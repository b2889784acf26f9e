/** A field of an ECS event by dotted path, nested (`source.ip` → event.source.ip) or flat. */
export function getField(event: unknown, path: string): unknown {
  if (event === null || typeof event !== 'object') return undefined;
  const record = event as Record<string, unknown>;
  if (path in record) return record[path];
  let current: unknown = event;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
