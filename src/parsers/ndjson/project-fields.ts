import { defineOwnField, isObject } from '../../core/index.ts';
import type { FieldTrie } from './field-trie.ts';

/** A FieldTrie compiled for projectFields. */
export interface Projection {
  names: string[];
  /** Per name: kept whole (a leaf of the trie). */
  whole: boolean[];
  /** Per name: one an object inherits (`toString`, `__proto__`...), to be read only as an own field. */
  inherited: boolean[];
  parts: Projection[];
}

export function compileProjection(trie: FieldTrie): Projection {
  return {
    names: trie.names,
    whole: trie.nodes.map((node) => node.whole),
    inherited: trie.names.map((name) => name in Object.prototype || name === 'toJSON'),
    parts: trie.nodes.map(compileProjection),
  };
}

/**
 * Copies into `into` the fields of `from` that `projection` names (values shared, objects on the
 * way new), as a selective read would have built them. Used once an event is completed: what the
 * completion read and no rule reads is left behind, so that an event the engine holds on to
 * keeps no more than the rules need.
 */
export function projectFields(
  from: Record<string, unknown>,
  projection: Projection,
  into: Record<string, unknown>,
): Record<string, unknown> {
  return project(from, projection, into, undefined, false);
}

/**
 * projectFields for a slim event that keeps where its line is rather than its text: the fields of
 * `event` go into `event` (see LazyOriginal), and strings are copied out of the line they were
 * read from, for a slice of it would keep the whole line alive as long as the event.
 */
export function projectLocated(
  from: Record<string, unknown>,
  projection: Projection,
  into: Record<string, unknown>,
  event: Record<string, unknown>,
): Record<string, unknown> {
  return project(from, projection, into, event, true);
}

function project(
  from: Record<string, unknown>,
  projection: Projection,
  into: Record<string, unknown>,
  event: Record<string, unknown> | undefined,
  detach: boolean,
): Record<string, unknown> {
  const { names, whole, inherited, parts } = projection;
  for (let i = 0; i < names.length; i++) {
    const key = names[i] as string;
    // JSON holds no undefined: an own field read undefined is none (an inherited name is checked).
    if (inherited[i] === true ? !Object.hasOwn(from, key) : from[key] === undefined) continue;
    const value = from[key];
    let kept: unknown;
    if (whole[i] === true || !isObject(value)) kept = detach ? detached(value) : value;
    else {
      const target = event !== undefined && key === 'event' ? event : {};
      kept = project(value, parts[i] as Projection, target, undefined, detach);
    }
    // `__proto__` as a plain assignment would set the prototype; JSON.parse makes it a field.
    if (key === '__proto__') defineOwnField(into, key, kept);
    else into[key] = kept;
  }
  return into;
}

/** V8 keeps shorter slices as copies of their own; a longer one points into the string it is from. */
const SHORTEST_SLICE = 13;

/** A string copied out of the text it may be a slice of (an array of strings, each one); other values as they are. */
export function detached(value: unknown): unknown {
  if (typeof value === 'string') return value.length < SHORTEST_SLICE ? value : copied(value);
  if (
    !Array.isArray(value) ||
    !value.some((item) => typeof item === 'string' && item.length >= SHORTEST_SLICE)
  )
    return value;
  return value.map((item: unknown) =>
    typeof item === 'string' && item.length >= SHORTEST_SLICE ? copied(item) : item,
  );
}

/** A flat copy: the first character and the rest are joined, then read, which makes V8 flatten them into one new string. */
function copied(text: string): string {
  const copy = text.charAt(0) + text.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/**
 * `projection` without `event.original`, for slim events whose `event` object reads the original
 * from the line (see LazyOriginal); undefined when `event` or `event.original` is kept whole
 * (a rule reads it, so every event would read its line back).
 */
export function withoutOriginal(projection: Projection): Projection | undefined {
  const at = projection.names.indexOf('event');
  if (at === -1 || projection.whole[at] === true) return undefined;
  const event = projection.parts[at] as Projection;
  const original = event.names.indexOf('original');
  if (original === -1) return undefined;
  const keep = (_: unknown, i: number) => i !== original;
  const slimmer: Projection = {
    names: event.names.filter(keep),
    whole: event.whole.filter(keep),
    inherited: event.inherited.filter(keep),
    parts: event.parts.filter(keep),
  };
  return { ...projection, parts: projection.parts.map((part, i) => (i === at ? slimmer : part)) };
}
