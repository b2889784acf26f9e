/**
 * The kept fields of light events as a tree of steps, numbered in depth-first order so that the
 * columns under any step are one run `first`..`last`: the writer walks only the objects an event
 * has, and the decoder skips a step whose run holds none of the event's cells.
 */
export interface ColumnStep {
  key: string;
  /** A field's column (a leaf), or -1. */
  column: number;
  first: number;
  last: number;
  children: ColumnStep[] | undefined;
  /**
   * A name objects inherit (`constructor`, `toString`, `__proto__`...): read only as an own field,
   * as the decoded light objects inherit the same.
   */
  inherited: boolean;
}

export interface ColumnTree {
  steps: ColumnStep[];
  /** Columns in all. */
  width: number;
  /** The column of `event.original` when it is not a kept field (see coversOriginal), else -1. */
  original: number;
}

/** Whether the kept fields carry `event.original` themselves; else it is a column of its own. */
export function coversOriginal(fields: readonly string[]): boolean {
  return fields.some((field) => field === 'event' || field === 'event.original');
}

/** The tree of `fields` (as fieldsToKeep lists them: none under another), and `event.original`. */
export function buildColumnTree(fields: readonly string[]): ColumnTree {
  const steps: ColumnStep[] = [];
  const ownOriginal = !coversOriginal(fields);
  const leaves: ColumnStep[] = [];
  for (const field of fields) leaves.push(addStep(steps, field.split('.')));
  const originalLeaf = ownOriginal ? addStep(steps, ['event', 'original']) : undefined;
  const width = number(steps, 0);
  return { steps, width, original: originalLeaf?.column ?? -1 };
}

function addStep(steps: ColumnStep[], path: string[]): ColumnStep {
  let level = steps;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    let step = level.find((candidate) => candidate.key === key && candidate.children !== undefined);
    if (!step) level.push((step = { ...newStep(key), children: [] }));
    level = step.children as ColumnStep[];
  }
  const leaf = newStep(path.at(-1) as string);
  level.push(leaf);
  return leaf;
}

function newStep(key: string): ColumnStep {
  const inherited = key in Object.prototype || key === 'toJSON';
  return { key, column: -1, first: 0, last: 0, children: undefined, inherited };
}

/** Numbers the leaves under `steps` from `next` on, depth first; returns the next free number. */
function number(steps: ColumnStep[], next: number): number {
  let at = next;
  for (const step of steps) {
    step.first = at;
    if (step.children === undefined) step.column = at++;
    else at = number(step.children, at);
    step.last = at - 1;
  }
  return at;
}
