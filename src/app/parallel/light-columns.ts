import type { SecurityEvent } from '../../core/index.ts';
import { detached } from '../../parsers/index.ts';
import type { ColumnSink, ColumnWalk } from './compile-column-walk.ts';
import { compileColumnWalk } from './compile-column-walk.ts';
import { buildColumnTree } from './light-column-tree.ts';

export { coversOriginal } from './light-column-tree.ts';

/**
 * Light events as they cross from a worker to the main thread: columns in buffers that move
 * without a copy, and the range's distinct values in one small array, rather than an object per
 * event that structured clone must walk on both threads (see decodeLightEvents).
 */
export interface LightColumns {
  /** The range's distinct values (strings once each); a cell holds a value's index + 1. */
  values: unknown[];
  /**
   * Per event, a (column, cell) pair for each kept field it has (columns of buildColumnTree, in
   * its order): an event that has few of many kept fields costs only those.
   */
  cells: Uint32Array;
  /** Where each event's pairs end in `cells` (they start where the previous event's end). */
  ends: Uint32Array;
  /** Where each event's line is in the file (its first byte, its length in bytes). */
  starts: Float64Array;
  bytes: Uint32Array;
}

/** A cell of a field the event does not have. */
export const ABSENT = 0;
/** The `event.original` cell of an event whose original is its line: read back from the file if needed. */
export const ORIGINAL_IS_LINE = 0xffffffff;

/** Values of a field looked up before the writer judges whether they repeat enough to share. */
const JUDGE_AFTER = 512;
/** First sizes of a range's buffers (a 4 MB range of Winlogbeat documents: ~2,500 events, ~50,000 cells). */
const INITIAL_CELLS = 1 << 16;
const INITIAL_EVENTS = 1 << 12;

/**
 * Worker side: collects the light events of one range into columns. A field whose values rarely
 * repeat (`@timestamp`) is not looked up at all once that shows: its values are sent one by one.
 */
export class LightColumnWriter implements ColumnSink {
  private readonly walk: ColumnWalk;
  private readonly original: number;
  /** Per column: values looked up, and how many were known already. */
  private readonly lookups: number[];
  private readonly hits: number[];
  /** Per column, the last string it was given and that string's cell (constant fields skip the Map). */
  private lastText: (string | undefined)[];
  private lastCell: number[];
  /**
   * The last string sent one by one and its cell: a field that copies another of the same event
   * (`winlog.event_data.TargetUserName` after `user.name`) shares its value rather than send it twice.
   */
  private sentText: string | undefined = undefined;
  private sentCell = 0;
  private values: unknown[] = [];
  private known = new Map<unknown, number>();
  private lists = new Map<string, number>();
  /** Lists of one string, by that string. */
  private singles = new Map<string, number>();
  /** Filled from the front and doubled when full; a range's are handed on as views of what is filled. */
  private cells = new Uint32Array(INITIAL_CELLS);
  private cellCount = 0;
  private ends = new Uint32Array(INITIAL_EVENTS);
  private starts = new Float64Array(INITIAL_EVENTS);
  private bytes = new Uint32Array(INITIAL_EVENTS);
  private eventCount = 0;
  /** The line of the event being added (its `event.original` may be it). */
  private line = '';

  /** `recall` false: every string is looked up or sent as if none came just before (tests compare). */
  constructor(
    fields: readonly string[],
    private readonly recall = true,
  ) {
    const tree = buildColumnTree(fields);
    this.walk = compileColumnWalk(tree.steps);
    this.original = tree.original;
    this.lookups = new Array<number>(tree.width).fill(0);
    this.hits = new Array<number>(tree.width).fill(0);
    this.lastText = new Array<string | undefined>(tree.width).fill(undefined);
    this.lastCell = new Array<number>(tree.width).fill(ABSENT);
  }

  add(event: SecurityEvent, line: string, start: number, bytes: number): void {
    this.line = line;
    this.walk(event as Record<string, unknown>, this);
    const at = this.eventCount;
    if (at === this.ends.length) this.growEvents();
    this.ends[at] = this.cellCount;
    this.starts[at] = start;
    this.bytes[at] = bytes;
    this.eventCount = at + 1;
  }

  /** Adds a (column, cell) pair. */
  private put(column: number, cell: number): void {
    const at = this.cellCount;
    if (at + 2 > this.cells.length) this.cells = grown(this.cells, new Uint32Array(this.cells.length * 2));
    this.cells[at] = column;
    this.cells[at + 1] = cell;
    this.cellCount = at + 2;
  }

  private growEvents(): void {
    const size = this.ends.length * 2;
    this.ends = grown(this.ends, new Uint32Array(size));
    this.starts = grown(this.starts, new Float64Array(size));
    this.bytes = grown(this.bytes, new Uint32Array(size));
  }

  /**
   * A kept field of the event being added (see compileColumnWalk: an inherited value, a function,
   * cannot cross, and the decoded object inherits the same).
   */
  field(column: number, value: unknown): void {
    if (column === this.original) this.put(column, value === this.line ? ORIGINAL_IS_LINE : this.cell(value));
    else if (typeof value === 'string' && this.recall) this.put(column, this.text(column, value));
    else this.put(column, this.repeats(column) ? this.cell(value, column) : this.unshared(value));
  }

  /** The cell of a string: the column's last one, the last one sent alone, a known one, or a new one. */
  private text(column: number, value: string): number {
    if (!this.repeats(column)) return this.unsharedText(value);
    // Not counted as lookups: the Map judges only the values these miss.
    if (value === this.lastText[column]) return this.lastCell[column] as number;
    if (value === this.sentText) return this.sentCell;
    const at = this.cell(value, column);
    this.lastText[column] = value;
    this.lastCell[column] = at;
    return at;
  }

  private unsharedText(value: string): number {
    const at = this.unshared(value);
    this.sentText = value;
    this.sentCell = at;
    return at;
  }

  /** The columns so far, and a fresh start; `transfer` lists the buffers to move. */
  take(): { columns: LightColumns; transfer: ArrayBuffer[] } {
    const events = this.eventCount;
    // Views of the buffers as filled: the buffers move to the main thread, new ones are made here.
    const columns: LightColumns = {
      values: this.values,
      cells: new Uint32Array(this.cells.buffer, 0, this.cellCount),
      ends: new Uint32Array(this.ends.buffer, 0, events),
      starts: new Float64Array(this.starts.buffer, 0, events),
      bytes: new Uint32Array(this.bytes.buffer, 0, events),
    };
    this.values = [];
    this.lastText.fill(undefined);
    this.sentText = undefined;
    this.known = new Map();
    this.lists = new Map();
    this.singles = new Map();
    this.cells = new Uint32Array(Math.max(INITIAL_CELLS, this.cells.length));
    this.cellCount = 0;
    const size = Math.max(INITIAL_EVENTS, this.ends.length);
    this.ends = new Uint32Array(size);
    this.starts = new Float64Array(size);
    this.bytes = new Uint32Array(size);
    this.eventCount = 0;
    const { cells, ends, starts, bytes } = columns;
    const transfer = [cells.buffer, ends.buffer, starts.buffer, bytes.buffer] as ArrayBuffer[];
    return { columns, transfer };
  }

  private repeats(field: number): boolean {
    const lookups = this.lookups[field] as number;
    return lookups < JUDGE_AFTER || (this.hits[field] as number) * 4 >= lookups;
  }

  /**
   * Values are copied out of the line they may be slices of: the lines of a range then die young,
   * one by one, rather than live (and be copied by the GC) until the range is sent.
   */
  private unshared(value: unknown): number {
    return this.values.push(detached(value));
  }

  private cell(value: unknown, field = -1): number {
    if (value === undefined) return ABSENT;
    if (typeof value === 'object' && value !== null) return this.object(value);
    // A Map key conflates -0 with 0: such a value gets a cell of its own.
    if (Object.is(value, -0)) return this.values.push(value);
    let at = this.known.get(value);
    if (field !== -1) this.lookups[field] = (this.lookups[field] as number) + 1;
    if (at === undefined) {
      const kept = detached(value);
      at = this.values.push(kept);
      this.known.set(kept, at);
    } else if (field !== -1) this.hits[field] = (this.hits[field] as number) + 1;
    return at;
  }

  /** Lists of strings (`event.category`, `event.type`) are shared; other objects sent as they are. */
  private object(value: object): number {
    if (!Array.isArray(value)) return this.values.push(value);
    // Most lists hold one string (`event.category: ["authentication"]`): known by it, not by its JSON.
    if (value.length === 1 && typeof value[0] === 'string') return this.single(value as [string]);
    if (!value.every((item) => typeof item === 'string')) return this.unshared(value);
    const key = JSON.stringify(value);
    let at = this.lists.get(key);
    if (at === undefined) {
      at = this.unshared(value);
      this.lists.set(key, at);
    }
    return at;
  }

  private single(value: [string]): number {
    let at = this.singles.get(value[0]);
    if (at === undefined) {
      const kept = detached(value) as [string];
      at = this.values.push(kept);
      this.singles.set(kept[0], at);
    }
    return at;
  }
}

/** `into` (a larger buffer) holding what `from` holds at its start. */
function grown<T extends Uint32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
