import { defineOwnField } from '../../core/index.ts';
import type { FieldTrie } from './field-trie.ts';
import type { Builder, Filler } from './compile-builder.ts';
import { compileBuilder, compileFiller } from './compile-builder.ts';

/**
 * How to build the selected fields of a line from the values of its shape's holes (see
 * learn-shape.ts): strings and numbers come from holes, `true`/`false`/`null` are constants,
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

/** The values of the holes of the line being read. */
export interface HoleValues {
  string(hole: number): string;
  number(hole: number): number;
}

const STRING = 0;
const NUMBER = 1;
const CONSTANT = 2;
const OBJECT = 3;
const ARRAY = 4;
const KINDS = { string: STRING, number: NUMBER, constant: CONSTANT, object: OBJECT, array: ARRAY };

/**
 * The entries of an object recipe (or the items of an array one) as flat arrays, read in one
 * loop per line without a closure or a tuple per value.
 */
export interface Plan {
  keys: string[];
  kinds: Uint8Array;
  holes: Int32Array;
  constants: (boolean | null)[];
  parts: (Plan | undefined)[];
  /** Whether a key is `__proto__`, which a plain assignment would take for the prototype. */
  protoKey: boolean;
  /** The value of this object or array as compiled code (see compileBuilder), if it was compiled. */
  build: Builder | undefined;
  /** The entries set by compiled code (see compileFiller), if they were compiled. */
  fill: Filler | undefined;
}

/**
 * `compiled`: the objects and arrays of the entries are built by compiled code (see
 * compileBuilder), those within them too; else all are filled entry by entry.
 */
export function compilePlan(entries: readonly (readonly [string, Recipe])[], compiled = false): Plan {
  const fill = compiled ? compileFiller(entries) : undefined;
  // Filled by compiled code, the entries' own objects are built by it as well.
  const compiledParts = compiled && fill === undefined;
  const plan: Plan = {
    keys: entries.map(([key]) => key),
    kinds: Uint8Array.from(entries, ([, recipe]) => KINDS[recipe.kind]),
    holes: Int32Array.from(entries, ([, recipe]) => ('hole' in recipe ? recipe.hole : -1)),
    constants: entries.map(([, recipe]) => (recipe.kind === 'constant' ? recipe.value : null)),
    parts: entries.map(([, recipe]) => partOf(recipe, compiledParts)),
    protoKey: entries.some(([key]) => key === '__proto__'),
    build: undefined,
    fill,
  };
  return plan;
}

function partOf(recipe: Recipe, compiled: boolean): Plan | undefined {
  let part: Plan;
  if (recipe.kind === 'object') part = compilePlan(recipe.entries);
  else if (recipe.kind === 'array') part = compilePlan(recipe.items.map((item) => ['', item] as const));
  else return undefined;
  if (compiled) part.build = compileBuilder(recipe);
  return part;
}

export function fillObject<T extends Record<string, unknown>>(into: T, plan: Plan, values: HoleValues): T {
  if (plan.fill !== undefined) return plan.fill(values, into) as T;
  const { keys, kinds, holes, constants, parts } = plan;
  const target = into as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const value = valueAt(kinds[i] as number, holes[i] as number, constants[i], parts[i], values);
    const key = keys[i] as string;
    if (plan.protoKey && key === '__proto__') defineOwnField(target, key, value);
    else target[key] = value;
  }
  return into;
}

function valueAt(
  kind: number,
  hole: number,
  constant: boolean | null | undefined,
  part: Plan | undefined,
  values: HoleValues,
): unknown {
  if (kind === STRING) return values.string(hole);
  if (kind === NUMBER) return values.number(hole);
  if (kind === CONSTANT) return constant;
  const build = (part as Plan).build;
  if (build !== undefined) return build(values);
  if (kind === OBJECT) return fillObject({}, part as Plan, values);
  const { kinds, holes, constants, parts } = part as Plan;
  const items: unknown[] = [];
  for (let i = 0; i < kinds.length; i++)
    items.push(valueAt(kinds[i] as number, holes[i] as number, constants[i], parts[i], values));
  return items;
}

/** What a trie wants of the entry `key` of an object it wants `want` of. */
export function wantOf(want: Want, key: string): Want {
  if (want === 'whole' || want === 'none') return want;
  const at = want.names.indexOf(key);
  if (at === -1) return 'none';
  const node = want.nodes[at] as FieldTrie;
  return node.whole ? 'whole' : node;
}
