import type { FieldGetter, SecurityEvent } from '../../core/index.ts';
import { compileFieldGetter, isObject } from '../../core/index.ts';

/**
 * Light events as they cross from a worker to the main thread: columns in buffers that move
 * without a copy, and the range's distinct values in one small array, rather than an object per
 * event that structured clone must walk on both threads (see decodeLightEvents).
 */
export interface LightColumns {
  /** The range's distinct values (strings once each); a cell holds a value's index + 1. */
  values: unknown[];
  /** `width` cells per event, event after event: one per kept field, then `event.original`. */
  cells: Uint32Array;
  /** Where each event's line is in the file (its first byte, its length in bytes). */
  starts: Float64Array;
  bytes: Uint32Array;
}

/** A cell of a field the event does not have. */
export const ABSENT = 0;
/** The `event.original` cell of an event whose original is its line: read back from the file if needed. */
export const ORIGINAL_IS_LINE = 0xffffffff;

/** Whether the kept fields carry `event.original` themselves; else it is a column of its own. */
export function coversOriginal(fields: readonly string[]): boolean {
  return fields.some((field) => field === 'event' || field === 'event.original');
}

/** Values of a field looked up before the writer judges whether they repeat enough to share. */
const JUDGE_AFTER = 512;

/**
 * Worker side: collects the light events of one range into columns. A field whose values rarely
 * repeat (`@timestamp`) is not looked up at all once that shows: its values are sent one by one.
 */
export class LightColumnWriter {
  private readonly readers: FieldGetter[];
  /** Per field: values looked up, and how many were known already. */
  private readonly lookups: number[];
  private readonly hits: number[];
  private readonly ownOriginal: boolean;
  private values: unknown[] = [];
  private known = new Map<unknown, number>();
  private lists = new Map<string, number>();
  private cells: number[] = [];
  private starts: number[] = [];
  private bytes: number[] = [];

  constructor(fields: readonly string[]) {
    this.readers = fields.map(compileFieldGetter);
    this.lookups = fields.map(() => 0);
    this.hits = fields.map(() => 0);
    this.ownOriginal = !coversOriginal(fields);
  }

  add(event: SecurityEvent, line: string, start: number, bytes: number): void {
    for (let field = 0; field < this.readers.length; field++) {
      const value = (this.readers[field] as FieldGetter)(event);
      this.cells.push(this.repeats(field) ? this.cell(value, field) : this.unshared(value));
    }
    if (this.ownOriginal) {
      const original = isObject(event.event) ? event.event.original : undefined;
      this.cells.push(original === line ? ORIGINAL_IS_LINE : this.cell(original));
    }
    this.starts.push(start);
    this.bytes.push(bytes);
  }

  /** The columns so far, and a fresh start; `transfer` lists the buffers to move. */
  take(): { columns: LightColumns; transfer: ArrayBuffer[] } {
    const columns: LightColumns = {
      values: this.values,
      cells: Uint32Array.from(this.cells),
      starts: Float64Array.from(this.starts),
      bytes: Uint32Array.from(this.bytes),
    };
    this.values = [];
    this.known = new Map();
    this.lists = new Map();
    this.cells = [];
    this.starts = [];
    this.bytes = [];
    const transfer = [columns.cells.buffer, columns.starts.buffer, columns.bytes.buffer] as ArrayBuffer[];
    return { columns, transfer };
  }

  private repeats(field: number): boolean {
    const lookups = this.lookups[field] as number;
    return lookups < JUDGE_AFTER || (this.hits[field] as number) * 4 >= lookups;
  }

  private unshared(value: unknown): number {
    return value === undefined ? ABSENT : this.values.push(value);
  }

  private cell(value: unknown, field = -1): number {
    if (value === undefined) return ABSENT;
    if (typeof value === 'object' && value !== null) return this.object(value);
    // A Map key conflates -0 with 0: such a value gets a cell of its own.
    if (Object.is(value, -0)) return this.values.push(value);
    let at = this.known.get(value);
    if (field !== -1) this.lookups[field] = (this.lookups[field] as number) + 1;
    if (at === undefined) {
      at = this.values.push(value);
      this.known.set(value, at);
    } else if (field !== -1) this.hits[field] = (this.hits[field] as number) + 1;
    return at;
  }

  /** Lists of strings (`event.category`, `event.type`) are shared; other objects sent as they are. */
  private object(value: object): number {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
      return this.values.push(value);
    const key = JSON.stringify(value);
    let at = this.lists.get(key);
    if (at === undefined) {
      at = this.values.push(value);
      this.lists.set(key, at);
    }
    return at;
  }
}
