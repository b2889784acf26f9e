import { defineOwnField, isObject } from '../../core/index.ts';
import { expandDottedKeys, MAX_KEY_STEPS } from './expand-dotted-keys.ts';
import { buildStepTrie } from './field-trie.ts';
import type { FieldTrie } from './field-trie.ts';

/**
 * Documents with dotted keys (`{"event.code": "4625", "source": {"ip": ...}}`, as ECS logging
 * libraries and flattening pipelines write them), read selectively. The shape of such a line is
 * learnt with a trie of its own (rawSelection): the keys of that line, as written, whose values
 * make a selected field once the line is expanded, and those that decide how it expands (a scalar
 * where an object would go, the same field written both ways). What is cut out of a later line of
 * the shape is expanded as the whole path expands the line (expandOnto), so the selected fields
 * come out as from the whole document.
 */

/**
 * The paths (as the line writes its keys) of what `raw`, a document not yet expanded, holds of the
 * fields `trie` selects once expanded: a value that is selected, or any value that is no object on
 * the way to one (it decides whether a dotted key expands), kept whole; objects on the way, only
 * in what they hold of the selection, or whole when they hold none of it.
 */
export function rawSelection(raw: Record<string, unknown>, trie: FieldTrie): string[][] {
  const paths: string[][] = [];
  const walk = (object: Record<string, unknown>, keys: readonly string[], node: FieldTrie): void => {
    for (const key of Object.keys(object)) {
      const reached = follow(node, stepsOf(key));
      if (reached === undefined) continue;
      const value = object[key];
      const path = [...keys, key];
      const before = paths.length;
      if (!reached.whole && isObject(value)) walk(value, path, reached);
      // An object on the way that holds nothing selected is kept whole all the same: that it is
      // there decides whether a dotted key merges into it ({"a": {"b": {}}, "a.b.c": 1}).
      if (paths.length === before) paths.push(path);
    }
  };
  walk(raw, [], trie);
  return paths;
}

/** The steps a key expands into (see splitDottedKey): itself when expansion keeps it as written. */
function stepsOf(key: string): readonly string[] {
  if (key.indexOf('.') === -1) return [key];
  const steps = key.split('.', MAX_KEY_STEPS + 1);
  return steps.length > MAX_KEY_STEPS || steps.includes('') || steps.includes('__proto__') ? [key] : steps;
}

/** The node `steps` lead to from `node`, or one selected whole on the way; undefined when they leave the trie. */
function follow(node: FieldTrie, steps: readonly string[]): FieldTrie | undefined {
  let at = node;
  for (const step of steps) {
    if (at.whole) return at;
    const index = at.names.indexOf(step);
    if (index === -1) return undefined;
    at = at.nodes[index] as FieldTrie;
  }
  return at;
}

/** The trie of rawSelection's paths. */
export function rawSelectionTrie(raw: Record<string, unknown>, trie: FieldTrie): FieldTrie {
  return buildStepTrie(rawSelection(raw, trie));
}

/** The selected values of a dotted document, expanded, set on `root` (a slim event's). */
export function expandOnto<T extends object>(root: T, selected: Record<string, unknown>): T {
  const expanded = expandDottedKeys(selected);
  const target = root as Record<string, unknown>;
  for (const key of Object.keys(expanded)) {
    if (key === '__proto__') defineOwnField(target, key, expanded[key]);
    else target[key] = expanded[key];
  }
  return root;
}
