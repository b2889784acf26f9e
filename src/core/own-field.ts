/**
 * Sets `key` on `target` as an own, enumerable field, as JSON.parse does: for `__proto__` too,
 * which a plain assignment would take for a change of prototype. Callers test for `__proto__`
 * first and assign other keys plainly (the hot paths), or call this for every key.
 */
export function defineOwnField(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
