/** `table[key]` for the table's own keys only: a rule naming `constructor` or `__proto__` finds nothing. */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
