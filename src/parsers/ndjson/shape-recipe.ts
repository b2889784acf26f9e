import type { FieldTrie } from './field-trie.ts';

/**
 * How to build the selected fields of a line from the values of its shape's holes (see
 * line-shape.ts): strings and numbers come from holes, `true`/`false`/`null` are constants,
 * objects keep their entries in the order the line wrote them (a repeated key: the last wins,
 * where the first stood, as JSON.parse does).
 */
export type Recipe =
  | { kind: 'string'; hole: number }
  | { kind: 'number'; hole: number }
  | { kind: 'constant'; value: boolean | null }
  | { kind: 'object'; entries: [string, Recipe][] }
  | { kind: 'array'; items: Recipe[] };

/** A value in the shape's first line: where it is, and what of it the selection wants. */
export type Want = FieldTrie | 'whole' | 'none';

/** The text of hole `hole` of the line being read. */
export type HoleText = (hole: number) => string;

export function buildValue(recipe: Recipe, text: HoleText): unknown {
  switch (recipe.kind) {
    case 'string':
      return text(recipe.hole);
    case 'number':
      return Number(text(recipe.hole));
    case 'constant':
      return recipe.value;
    case 'object':
      return fillObject({}, recipe.entries, text);
    case 'array':
      return recipe.items.map((item) => buildValue(item, text));
  }
}

export function fillObject<T extends Record<string, unknown>>(
  into: T,
  entries: readonly [string, Recipe][],
  text: HoleText,
): T {
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i] as [string, Recipe];
    const built = buildValue(value, text);
    // `__proto__` as a plain assignment would set the prototype; JSON.parse makes it a field.
    if (key === '__proto__')
      Object.defineProperty(into, key, {
        value: built,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else (into as Record<string, unknown>)[key] = built;
  }
  return into;
}

/** What a trie wants of the entry `key` of an object it wants `want` of. */
export function wantOf(want: Want, key: string): Want {
  if (want === 'whole' || want === 'none') return want;
  const at = want.names.indexOf(key);
  if (at === -1) return 'none';
  const node = want.nodes[at] as FieldTrie;
  return node.whole ? 'whole' : node;
}
