import { generatedFunction } from '../../core/index.ts';
import type { HoleValues, Recipe } from './shape-recipe.ts';

/** Builds the object (or array) of a recipe from the holes of a line. */
export type Builder = (values: HoleValues) => unknown;

/** Recipes nested deeper, or with more values, are filled by fillObject (the code would be long). */
const MAX_DEPTH = 16;
const MAX_VALUES = 512;

/**
 * The value of `recipe` (an object or array) as one function of object and array literals: each object is allocated
 * at its final size, its fields set in order by the function's own inline caches (one hidden
 * class per object of a shape), where fillObject adds them one by one through keyed stores shared
 * by all shapes. The same value as fillObject: entries in order, a repeated key's last value where
 * its first stood, `__proto__` an own field (a computed key never sets the prototype).
 *
 * The code holds no value of the input: holes are read by number, constants are the words `true`,
 * `false`, `null`; keys (the text of a line JSON.parse accepted) are string literals written by
 * JSON.stringify. Undefined for a recipe too deep or too large.
 */
export function compileBuilder(recipe: Recipe): Builder | undefined {
  const body = expression(recipe, 0, { values: MAX_VALUES });
  if (body === undefined) return undefined;
  return generatedFunction<Builder>(['v'], `return ${body};`);
}

/** Sets the entries of an object recipe on an object (a document's root, which has a prototype of its own). */
export type Filler = (values: HoleValues, into: Record<string, unknown>) => Record<string, unknown>;

/**
 * compileBuilder for the entries of a root object: set on `into` one by one, as fillObject sets
 * them (strict code, as fillObject's: an assignment the prototype refuses throws in both).
 */
export function compileFiller(entries: readonly (readonly [string, Recipe])[]): Filler | undefined {
  const budget = { values: MAX_VALUES };
  const statements: string[] = [];
  for (const [key, value] of entries) {
    const part = expression(value, 1, budget);
    if (part === undefined) return undefined;
    const name = JSON.stringify(key);
    statements.push(
      key === '__proto__'
        ? `Object.defineProperty(r, ${name}, { value: ${part}, enumerable: true, writable: true, configurable: true });`
        : `r[${name}] = ${part};`,
    );
  }
  return generatedFunction<Filler>(['v', 'r'], `${statements.join('\n')}\nreturn r;`);
}

function expression(recipe: Recipe, depth: number, budget: { values: number }): string | undefined {
  if (--budget.values < 0 || depth > MAX_DEPTH) return undefined;
  switch (recipe.kind) {
    case 'string':
      return `v.string(${holeNumber(recipe.hole)})`;
    case 'number':
      return `v.number(${holeNumber(recipe.hole)})`;
    case 'constant':
      return recipe.value === true ? 'true' : recipe.value === false ? 'false' : 'null';
    case 'object': {
      const parts: string[] = [];
      for (const [key, value] of recipe.entries) {
        const part = expression(value, depth + 1, budget);
        if (part === undefined) return undefined;
        parts.push(`${propertyName(key)}: ${part}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'array': {
      const parts: string[] = [];
      for (const item of recipe.items) {
        const part = expression(item, depth + 1, budget);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return `[${parts.join(', ')}]`;
    }
  }
}

/**
 * A key as a string literal (JSON.stringify writes one JavaScript reads back as the same string,
 * whatever it holds); `__proto__` computed, for a plain `"__proto__":` would set the prototype.
 */
function propertyName(key: string): string {
  const literal = JSON.stringify(key);
  return key === '__proto__' ? `[${literal}]` : literal;
}

function holeNumber(hole: number): number {
  if (!Number.isSafeInteger(hole) || hole < 0) throw new Error(`bad hole number ${hole}`);
  return hole;
}
