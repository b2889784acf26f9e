import { isObject } from '../../core/index.ts';
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
  const { names, whole, inherited, parts } = projection;
  for (let i = 0; i < names.length; i++) {
    const key = names[i] as string;
    // JSON holds no undefined: an own field read undefined is none (an inherited name is checked).
    if (inherited[i] === true ? !Object.hasOwn(from, key) : from[key] === undefined) continue;
    const value = from[key];
    const kept =
      whole[i] === true || !isObject(value) ? value : projectFields(value, parts[i] as Projection, {});
    // `__proto__` as a plain assignment would set the prototype; JSON.parse makes it a field.
    if (key === '__proto__')
      Object.defineProperty(into, key, { value: kept, enumerable: true, writable: true, configurable: true });
    else into[key] = kept;
  }
  return into;
}
