/** A property of a value of unknown shape (a parsed body, a thrown error), or undefined when it is not an object. */
export function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
