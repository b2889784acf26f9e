import { defineOwnField, generatedFunction, LazyOriginal } from '../../core/index.ts';
import type { ColumnStep } from './light-column-tree.ts';
import { ORIGINAL_IS_LINE } from './light-columns.ts';
import type { LightEvent } from './light-events.ts';

/**
 * Sets the fields of one event from its (column, cell) pairs `at`..`end` of `cells`; `lazy`: its
 * `event` object reads `event.original` from its line (see LazyOriginal).
 */
export type LightFill = (
  root: LightEvent,
  cells: Uint32Array,
  values: unknown[],
  at: number,
  end: number,
  lazy: boolean,
) => void;

type Made = (lazyOriginal: typeof LazyOriginal, ownField: typeof defineOwnField) => LightFill;

/**
 * The decoder's fill of a column tree as straight code, or undefined where code generation is
 * refused. Each field is stored by a store of its own with its name written in (a loop stores every
 * field of every object through one keyed store, which V8 handles as megamorphic). It does what the
 * loop in decode-light-events.ts does, step by step: objects only where a field has a value, fields
 * set in the same order, `__proto__` as an own field. Keys are string literals by JSON.stringify.
 */
export function compileLightFill(steps: readonly ColumnStep[]): LightFill | undefined {
  const body = `let y0 = false;\n${block(steps, 't', 0)}`;
  const made = generatedFunction<Made>(['L', 'P'], `return function fill(t, c, v, a, e, lz) {\n${body}\n};`);
  return made?.(LazyOriginal, defineOwnField);
}

function block(steps: readonly ColumnStep[], target: string, depth: number): string {
  return steps.map((step) => stepCode(step, target, depth)).join('\n');
}

function stepCode(step: ColumnStep, target: string, depth: number): string {
  const has = `a < e && c[a] <= ${whole(step.last)}`;
  if (step.children === undefined) {
    const set = store(step.key, target, 'v[k - 1]');
    return `if (${has}) { const k = c[a + 1]; a += 2; y${depth} = true; if (k !== ${ORIGINAL_IS_LINE}) ${set} }`;
  }
  const child = `o${depth + 1}`;
  const made = depth === 0 && step.key === 'event' ? 'lz ? new L(t) : {}' : '{}';
  return [
    `if (${has}) {`,
    `const ${child} = ${made}; let y${depth + 1} = false;`,
    block(step.children, child, depth + 1),
    `if (y${depth + 1}) { ${store(step.key, target, child)} y${depth} = true; }`,
    `}`,
  ].join('\n');
}

function store(key: string, target: string, value: string): string {
  // `__proto__` as JSON.parse sets it: an own field, never the prototype.
  return key === '__proto__'
    ? `P(${target}, "__proto__", ${value});`
    : `${target}[${JSON.stringify(key)}] = ${value};`;
}

function whole(number: number): number {
  if (!Number.isSafeInteger(number)) throw new Error(`bad column number ${number}`);
  return number;
}
