import { mayHaveDottedKey } from './expand-dotted-keys.ts';
import { buildFieldTrie } from './field-trie.ts';
import type { FieldTrie } from './field-trie.ts';
import type { LearntShape } from './learn-shape.ts';
import type { Plan } from './shape-recipe.ts';
import { compilePlan } from './shape-recipe.ts';

/**
 * Search hits as an export of Elasticsearch or OpenSearch writes them (`{"_index", "_id", ...,
 * "_source": {document}}`), read selectively: their shapes are learnt in a book of their own, which
 * reads the selected fields under `_source`, and the document is filled from that part of the
 * hit. The whole path unwraps a hit the same way (see completeEcsDocument).
 */

/** The fields a selective read keeps, as they lie in a hit: under `_source`. */
export function hitFieldTrie(fields: readonly string[]): FieldTrie {
  return buildFieldTrie(fields.map((field) => `_source.${field}`));
}

/**
 * Whether a selection reads `klaxon.hit` (a hit's `_index` and `_id`, which the whole path adds to
 * the document): hits are then read whole, their book not being told where those lie.
 */
export function readsHitMeta(trie: FieldTrie): boolean {
  const klaxon = trie.nodes[trie.names.indexOf('klaxon')];
  return klaxon !== undefined && (klaxon.whole || klaxon.names.includes('hit'));
}

/** Whether `line` may be a search hit: its first key begins with `_` and it names a `_source`. */
export function mayBeSearchHit(line: string): boolean {
  return line.charCodeAt(1) === 34 /* " */ && line.charCodeAt(2) === 95 /* _ */ && line.includes('"_source"');
}

/** Whether a hit's shape may be learnt: dotted keys (in `fields` beside `_source`, say) are not. */
export function isLearnableHit(line: string): boolean {
  return line.charCodeAt(0) === 123 /* { */ && !mayHaveDottedKey(line);
}

const sourcePlans = new WeakMap<LearntShape, Plan | null>();

/**
 * The plan that fills a document from the `_source` of a hit of `shape`, compiled once per shape;
 * undefined when its `_source` is no object (the whole path then reads the line as a document).
 */
export function sourcePlanOf(shape: LearntShape): Plan | undefined {
  let plan = sourcePlans.get(shape);
  if (plan === undefined) {
    const { recipe } = shape;
    const source =
      recipe.kind === 'object' ? recipe.entries.findLast(([key]) => key === '_source')?.[1] : undefined;
    plan = source?.kind === 'object' ? compilePlan(source.entries, true) : null;
    sourcePlans.set(shape, plan);
  }
  return plan ?? undefined;
}
