import { isObject } from '../../core/index.ts';
import type { FieldTrie } from './field-trie.ts';

/**
 * Copies into `into` the fields of `from` that `trie` names (values shared, objects on the way
 * new), as a selective read would have built them. Used once an event is completed: what the
 * completion read and no rule reads is left behind, so that an event the engine holds on to
 * keeps no more than the rules need.
 */
export function projectFields(
  from: Record<string, unknown>,
  trie: FieldTrie,
  into: Record<string, unknown>,
): Record<string, unknown> {
  const { names, nodes } = trie;
  for (let i = 0; i < names.length; i++) {
    const key = names[i] as string;
    if (!Object.hasOwn(from, key)) continue;
    const value = from[key];
    const node = nodes[i] as FieldTrie;
    const kept = node.whole || !isObject(value) ? value : projectFields(value, node, {});
    // `__proto__` as a plain assignment would set the prototype; JSON.parse makes it a field.
    if (key === '__proto__')
      Object.defineProperty(into, key, { value: kept, enumerable: true, writable: true, configurable: true });
    else into[key] = kept;
  }
  return into;
}
