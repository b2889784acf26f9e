import type { FieldGetter } from './fields.ts';
import { generatedFunction } from './generated-function.ts';

/**
 * Paths whose getter was generated, so rules naming the same field share one (its loads then see
 * the objects that field is in). Bounded like the rules' shared conditions: past this many paths a
 * new one gets a getter of its own.
 */
const made = new Map<string, FieldGetter>();
const MAX_KEPT = 50_000;

/**
 * A getter of `steps` as straight code: `doc["a"]["b"]` with a load of its own per step, where one
 * closure shared by every path of the same depth reads all fields of all events through the same
 * load sites (megamorphic: about twice as slow on sshd's events). Reads as the closures of
 * compileFieldGetter do: the event itself must be a non-array object when the path has one step,
 * any object otherwise; each inner step needs an object. Steps are string literals written by
 * JSON.stringify, so no path can inject code. Undefined where code generation is refused
 * (node --disallow-code-generation-from-strings): the caller then uses its closures.
 */
export function generatedFieldGetter(path: string, steps: readonly string[]): FieldGetter | undefined {
  const kept = made.get(path);
  if (kept !== undefined) return kept;
  const first = JSON.stringify(steps[0]);
  const lines =
    steps.length === 1
      ? [
          `if (typeof d !== 'object' || d === null || Array.isArray(d)) return undefined;`,
          `return d[${first}];`,
        ]
      : [`if (typeof d !== 'object' || d === null) return undefined;`, `let v = d[${first}];`];
  for (let i = 1; i < steps.length; i++) {
    lines.push(`if (typeof v !== 'object' || v === null) return undefined;`);
    lines.push(
      i === steps.length - 1
        ? `return v[${JSON.stringify(steps[i])}];`
        : `v = v[${JSON.stringify(steps[i])}];`,
    );
  }
  const getter = generatedFunction<FieldGetter>(['d'], lines.join('\n'));
  if (getter === undefined) return undefined;
  if (made.size < MAX_KEPT) made.set(path, getter);
  return getter;
}
