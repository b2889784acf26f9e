import type { SecurityEvent } from '../../core/index.ts';
import type { LightColumns } from './light-columns.ts';
import { ABSENT, coversOriginal, ORIGINAL_IS_LINE } from './light-columns.ts';
import type { LineSource, LightEvent } from './light-events.ts';
import { LazyOriginal, lightEventClass } from './light-events.ts';

/** One step of the kept field paths: a field (`column`) or an object of further steps. */
interface Step {
  key: string;
  column: number;
  children: Step[] | undefined;
}

/**
 * Turns events `from` to `to` of a range's columns back into light events, onto `into` (main
 * thread; see LightColumnWriter). A batch at a time: fewer events live at once for the GC to copy.
 */
export type LightDecoder = (columns: LightColumns, from: number, to: number, into: SecurityEvent[]) => void;

/**
 * A decoder for light events with `fields` (as fieldsToKeep lists them) whose lines are in
 * `source`. The events hold the same fields as the workers' whole events, nested the same way, and
 * objects only where a field has a value; the distinct values of a range are shared by its events.
 */
export function lightDecoder(fields: readonly string[], source: LineSource): LightDecoder {
  const steps: Step[] = [];
  fields.forEach((field, column) => addStep(steps, field.split('.'), column));
  const width = fields.length + (coversOriginal(fields) ? 0 : 1);
  const original = coversOriginal(fields) ? -1 : fields.length;
  if (original !== -1) addStep(steps, ['event', 'original'], original);
  const Event = lightEventClass(source);
  return ({ values, cells, starts, bytes }, from, to, into) => {
    const decoder = { values, cells, base: 0, original, root: undefined as unknown as LightEvent };
    for (let i = from; i < to; i++) {
      decoder.base = i * width;
      decoder.root = new Event(starts[i] as number, bytes[i] as number);
      fill(decoder.root, steps, decoder);
      into.push(decoder.root as unknown as SecurityEvent);
    }
  };
}

function addStep(steps: Step[], path: string[], column: number): void {
  let level = steps;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    let step = level.find((candidate) => candidate.key === key);
    if (!step) level.push((step = { key, column: -1, children: [] }));
    level = step.children as Step[];
  }
  level.push({ key: path[path.length - 1] as string, column, children: undefined });
}

interface Decoding {
  values: unknown[];
  cells: Uint32Array;
  base: number;
  /** The column of `event.original` when it is not a kept field, else -1. */
  original: number;
  root: LightEvent;
}

/** Sets the fields under `steps` that the event has; whether it has any. */
function fill(target: Record<string, unknown>, steps: Step[], decoding: Decoding): boolean {
  let any = false;
  for (const step of steps) {
    if (step.children === undefined) {
      const cell = decoding.cells[decoding.base + step.column] as number;
      if (cell === ABSENT) continue;
      any = true;
      if (cell !== ORIGINAL_IS_LINE) setOwn(target, step.key, decoding.values[cell - 1]);
      continue;
    }
    const child: Record<string, unknown> =
      target === decoding.root && step.key === 'event' && isLazy(decoding)
        ? new LazyOriginal(decoding.root)
        : {};
    if (fill(child, step.children, decoding)) {
      setOwn(target, step.key, child);
      any = true;
    }
  }
  return any;
}

function isLazy(decoding: Decoding): boolean {
  return decoding.original !== -1 && decoding.cells[decoding.base + decoding.original] === ORIGINAL_IS_LINE;
}

/** As JSON.parse sets a field (`__proto__` too is an own field, never the prototype). */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  else node[key] = value;
}
