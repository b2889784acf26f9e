import { generatedFunction } from '../../core/index.ts';
import type { ColumnStep } from './light-column-tree.ts';

/** Takes each kept field an event has, by its column, in column order. */
export interface ColumnSink {
  field(column: number, value: unknown): void;
}

/** Reads the kept fields of an event into a sink. */
export type ColumnWalk = (event: Record<string, unknown>, sink: ColumnSink) => void;

/**
 * The walk of a column tree as straight code: each field is read by a load of its own, whose
 * inline cache sees only the objects that field is in, where a loop over the steps reads every
 * field through one load site that all objects of all events pass. Reads as compileFieldGetter
 * does: only objects the event has are entered, an inherited name (`constructor`...) only as an own
 * field, `undefined` is no value. Keys are string literals written by JSON.stringify.
 */
export function compileColumnWalk(steps: readonly ColumnStep[]): ColumnWalk {
  // Where code generation is refused, the same walk as a loop.
  return (
    generatedFunction<ColumnWalk>(['e', 's'], block(steps, 'e', 0)) ??
    ((event, sink) => loopWalk(event, steps, sink))
  );
}

/** The walk as a loop over the steps. */
export function loopWalk(
  node: Record<string, unknown>,
  steps: readonly ColumnStep[],
  sink: ColumnSink,
): void {
  for (const step of steps) {
    if (step.inherited && !Object.hasOwn(node, step.key)) continue;
    const value = node[step.key];
    if (value === undefined) continue;
    if (step.children === undefined) sink.field(step.column, value);
    else if (typeof value === 'object' && value !== null)
      loopWalk(value as Record<string, unknown>, step.children, sink);
  }
}

function block(steps: readonly ColumnStep[], node: string, depth: number): string {
  const value = `v${depth}`;
  return steps
    .map((step) => {
      const key = JSON.stringify(step.key);
      const use =
        step.children === undefined
          ? `if (${value} !== undefined) s.field(${columnNumber(step.column)}, ${value});`
          : `if (typeof ${value} === 'object' && ${value} !== null) {\n${block(step.children, value, depth + 1)}\n}`;
      const read = `{ const ${value} = ${node}[${key}]; ${use} }`;
      return step.inherited ? `if (Object.hasOwn(${node}, ${key})) ${read}` : read;
    })
    .join('\n');
}

function columnNumber(column: number): number {
  if (!Number.isSafeInteger(column) || column < 0) throw new Error(`bad column number ${column}`);
  return column;
}
