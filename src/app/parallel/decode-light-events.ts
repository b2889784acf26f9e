import type { SecurityEvent } from '../../core/index.ts';
import { defineOwnField, LazyOriginal } from '../../core/index.ts';
import { compileLightFill } from './compile-light-fill.ts';
import type { ColumnStep } from './light-column-tree.ts';
import { buildColumnTree } from './light-column-tree.ts';
import type { LightColumns } from './light-columns.ts';
import { ORIGINAL_IS_LINE } from './light-columns.ts';
import type { LineSource, LightEvent } from './light-events.ts';
import { lightEventClass } from './light-events.ts';

/**
 * Turns events `from` to `to` of a range's columns back into light events, onto `into` (main
 * thread; see LightColumnWriter). A batch at a time: fewer events live at once for the GC to copy.
 */
export type LightDecoder = (columns: LightColumns, from: number, to: number, into: SecurityEvent[]) => void;

/**
 * A decoder for light events with `fields` (as fieldsToKeep lists them) whose lines are in
 * `source`. The events hold the same fields as the workers' whole events, nested the same way, and
 * objects only where a field has a value; the distinct values of a range are shared by its events.
 * Fields are set by generated code (see compileLightFill) unless `loop` or code generation is refused.
 */
export function lightDecoder(fields: readonly string[], source: LineSource, loop = false): LightDecoder {
  const tree = buildColumnTree(fields);
  const original = tree.original;
  const Event = lightEventClass(source);
  const compiled = loop ? undefined : compileLightFill(tree.steps);
  if (compiled !== undefined) {
    return ({ values, cells, ends, starts, bytes }, from, to, into) => {
      for (let i = from; i < to; i++) {
        const at = i === 0 ? 0 : (ends[i - 1] as number);
        const end = ends[i] as number;
        const lazy = original !== -1 && isLazy(cells, at, end, original);
        const root = new Event(starts[i] as number, bytes[i] as number);
        compiled(root, cells, values, at, end, lazy);
        into.push(root as unknown as SecurityEvent);
      }
    };
  }
  const steps = tree.steps.map(decodingStep);
  return ({ values, cells, ends, starts, bytes }, from, to, into) => {
    const decoding: Decoding = {
      values,
      cells,
      at: 0,
      end: 0,
      lazy: false,
      root: undefined as unknown as LightEvent,
    };
    for (let i = from; i < to; i++) {
      decoding.at = i === 0 ? 0 : (ends[i - 1] as number);
      decoding.end = ends[i] as number;
      decoding.lazy = original !== -1 && isLazy(cells, decoding.at, decoding.end, original);
      decoding.root = new Event(starts[i] as number, bytes[i] as number);
      fill(decoding.root, steps, decoding);
      into.push(decoding.root as unknown as SecurityEvent);
    }
  };
}

interface Decoding {
  values: unknown[];
  cells: Uint32Array;
  /** The event's next (column, cell) pair, and where its pairs end. */
  at: number;
  end: number;
  /** Whether its `event.original` is its line (read back when asked for). */
  lazy: boolean;
  root: LightEvent;
}

/** A column step as the decoder reads it: its key internalized, and whether it is `__proto__`. */
interface DecodingStep {
  key: string;
  last: number;
  children: DecodingStep[] | undefined;
  proto: boolean;
  /** The `event` object of the event itself (which may read `event.original` from its line). */
  eventAtRoot: boolean;
}

function decodingStep(step: ColumnStep): DecodingStep {
  return decodingStepUnder(step, true);
}

function decodingStepUnder(step: ColumnStep, root: boolean): DecodingStep {
  return {
    key: internalized(step.key),
    last: step.last,
    children: step.children?.map((child) => decodingStepUnder(child, false)),
    proto: step.key === '__proto__',
    eventAtRoot: root && step.key === 'event',
  };
}

/**
 * The same text as V8's own copy for property names: setting a field by a key that is not one
 * looks the key up in V8's table of names on every store (keys from split() are not).
 */
function internalized(key: string): string {
  if (key === '__proto__') return key;
  for (const name of Object.keys({ [key]: 0 })) return name;
  return key;
}

/** Sets the fields under `steps` that the event has (its next pairs); whether it has any. */
function fill(target: Record<string, unknown>, steps: DecodingStep[], decoding: Decoding): boolean {
  let any = false;
  for (let i = 0; i < steps.length && decoding.at < decoding.end; i++) {
    const step = steps[i] as DecodingStep;
    if ((decoding.cells[decoding.at] as number) > step.last) continue;
    if (step.children === undefined) {
      const cell = decoding.cells[decoding.at + 1] as number;
      decoding.at += 2;
      any = true;
      if (cell === ORIGINAL_IS_LINE) continue;
      if (step.proto) defineOwnField(target, '__proto__', decoding.values[cell - 1]);
      else target[step.key] = decoding.values[cell - 1];
      continue;
    }
    const child: Record<string, unknown> =
      step.eventAtRoot && decoding.lazy ? new LazyOriginal(decoding.root) : {};
    if (fill(child, step.children, decoding)) {
      if (step.proto) defineOwnField(target, '__proto__', child);
      else target[step.key] = child;
      any = true;
    }
  }
  return any;
}

function isLazy(cells: Uint32Array, from: number, to: number, original: number): boolean {
  for (let at = from; at < to; at += 2) if (cells[at] === original) return cells[at + 1] === ORIGINAL_IS_LINE;
  return false;
}
