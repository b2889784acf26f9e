import type { SecurityEvent } from '../core/index.ts';
import { compileFieldGetter, fieldText } from '../core/index.ts';
import type { GroupAlias } from '../rules/index.ts';

/** Separates group values inside a key; a control character no field value carries. */
const SEPARATOR = '\u001f';

export interface GroupKeyReader {
  /**
   * The key string for an event, or undefined when the event lacks a group field or its value is
   * empty or `-` (sshd's `Invalid user  from ...`, Windows' `IpAddress: -`): no value, no group, so
   * an empty account never becomes an incident of its own.
   */
  keyOf(event: SecurityEvent): string | undefined;
  /** Field → value, rebuilt from a key, for messages. */
  groupOf(key: string): Record<string, string>;
}

/**
 * With `aliases`, an event the alias's predicate matches reads its group from the alias's fields
 * (first matching alias wins); the key still names the `fields`.
 */
export function compileGroupKey(fields: readonly string[], aliases?: readonly GroupAlias[]): GroupKeyReader {
  const plain = compileKeyOf(fields);
  if (aliases === undefined || aliases.length === 0) return plain;
  const readers = aliases.map((alias) => ({
    matches: alias.matches,
    keyOf: compileKeyOf(alias.fields).keyOf,
  }));
  return {
    keyOf(event) {
      for (const reader of readers) if (reader.matches(event)) return reader.keyOf(event);
      return plain.keyOf(event);
    },
    groupOf: plain.groupOf,
  };
}

/**
 * `reader` with the key of the last event kept while `clock.number` stays the same (the engine
 * counts its events there), for the rules that group by the same fields to share.
 */
export function readOncePerEvent(reader: GroupKeyReader, clock: { readonly number: number }): GroupKeyReader {
  let readFor = -1;
  let lastEvent: SecurityEvent | undefined;
  let lastKey: string | undefined;
  return {
    keyOf(event) {
      if (readFor === clock.number && event === lastEvent) return lastKey;
      readFor = clock.number;
      lastEvent = event;
      lastKey = reader.keyOf(event);
      return lastKey;
    },
    groupOf: reader.groupOf,
  };
}

function compileKeyOf(fields: readonly (string | readonly string[])[]): GroupKeyReader {
  const getters = fields.map(firstPresent);
  const groupOf = (key: string): Record<string, string> => {
    const values = fields.length === 1 ? [key] : key.split(SEPARATOR);
    return Object.fromEntries(fields.map((field, i) => [String(field), values[i] ?? '']));
  };
  if (getters.length === 0) return { keyOf: () => '', groupOf: () => ({}) };
  if (getters.length === 1) {
    const [getter] = getters as [(doc: unknown) => unknown];
    return { keyOf: (event) => keyText(getter(event)), groupOf };
  }
  return {
    keyOf(event) {
      let key = '';
      for (let i = 0; i < getters.length; i++) {
        const value = keyText((getters[i] as (doc: unknown) => unknown)(event));
        if (value === undefined) return undefined;
        key = i === 0 ? value : key + SEPARATOR + value;
      }
      return key;
    },
    groupOf,
  };
}

/** A getter of a path, or of the first of several paths that is present. */
function firstPresent(field: string | readonly string[]): (doc: unknown) => unknown {
  if (typeof field === 'string') return compileFieldGetter(field);
  const getters = field.map(compileFieldGetter);
  return (doc) => {
    for (const get of getters) {
      const value = get(doc);
      if (value !== undefined && value !== null) return value;
    }
    return undefined;
  };
}

/** A field's text as a group value; undefined when absent, empty, blank or `-`. */
function keyText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : fieldText(value);
  if (text === undefined || text === '-') return undefined;
  // A printable ASCII first character is no white space: the text is not blank (no trim to scan it).
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return text;
  return text.trim() === '' ? undefined : text;
}
