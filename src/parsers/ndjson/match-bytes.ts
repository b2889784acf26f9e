import type { HoleSpans, ShapePattern } from './match-shape.ts';
import { MATCH_BYTES_WASM } from './match-bytes-wasm.ts';

/** Returned by ByteMatcher.match for a line whose holes hold a byte >= 0x80: match its text instead. */
export const NOT_ASCII = -2;

const PAGE = 65536;
/** Memory below the line arena: spans blocks, then pattern tables and their literals. */
const PATTERN_BYTES = 4 * 1024 * 1024;
/** Spans blocks (36 KiB for 4096 holes) lie below this; a block is used again once its book is gone. */
const SPANS_BYTES = 1024 * 1024;
/** A pattern whose table would take more of the tables' room is matched as text. */
const LARGEST_TABLE = (PATTERN_BYTES - SPANS_BYTES) / 8;
/** A spans block: room for as many holes as a shape book reads at most. */
const SPANS_BLOCK = spansBytes(4096);
/** Bytes past a line's end the matcher may read: a v128.load that starts at its last byte reads 15. */
const PADDING = 16;

/** The part of WebAssembly used here (the project's TypeScript libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface Wasm {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

type MatchFunction = (
  table: number,
  steps: number,
  from: number,
  begin: number,
  end: number,
  spans: number,
  max: number,
) => number;

/** A book's spans in the matcher's memory. */
export interface ByteSpans {
  spans: HoleSpans;
  address: number;
  max: number;
}

/**
 * matchPattern over a line's bytes where they were read, in one call to compiled code rather than a
 * slice and compare per literal and a loop per hole in JavaScript. The lines are read into the
 * matcher's memory (see arena); a book keeps its spans there too, so that either matcher fills
 * them. One per thread.
 */
export class ByteMatcher {
  private readonly memory: WasmMemory;
  /** The memory's buffer, as of its last growth. */
  private buffer: ArrayBuffer;
  private readonly run: MatchFunction;
  /** Next free byte for spans blocks (0 is no address), and blocks of books that are gone. */
  private nextSpans = 8;
  private readonly freeSpans: number[] = [];
  /** Next free byte for tables; when they are full, all are dropped and `generation` counts up. */
  private nextTable = SPANS_BYTES;
  /** Tables made before a change of generation are gone: their patterns ask for new ones. */
  generation = 0;
  private readonly books = new Set<ByteSpans>();
  private readonly arenaAt = PATTERN_BYTES;

  constructor() {
    const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
    this.memory = new wasm.Memory({ initial: PATTERN_BYTES / PAGE + 1 });
    const module = new wasm.Module(Buffer.from(MATCH_BYTES_WASM, 'base64'));
    const instance = new wasm.Instance(module, { m: { memory: this.memory } });
    this.run = instance.exports.match as MatchFunction;
    this.buffer = this.memory.buffer;
  }

  /** Spans for a book reading up to `max` holes, kept in this memory; undefined when it is full. */
  spans(max: number): ByteSpans | undefined {
    const size = spansBytes(max);
    let address = size <= SPANS_BLOCK ? (this.freeSpans.pop() ?? 0) : 0;
    if (address === 0 && size <= SPANS_BLOCK && this.nextSpans + SPANS_BLOCK <= SPANS_BYTES) {
      address = this.nextSpans;
      this.nextSpans += SPANS_BLOCK;
    }
    if (address === 0) return undefined;
    const book: ByteSpans = {
      spans: { starts: EMPTY_I32, ends: EMPTY_I32, escaped: EMPTY_U8 },
      address,
      max,
    };
    this.view(book);
    this.books.add(book);
    return book;
  }

  /** Gives back the spans of a book that is gone. */
  release(book: ByteSpans): void {
    if (this.books.delete(book)) this.freeSpans.push(book.address);
  }

  /**
   * The address of a new table of `pattern` (see $match in match-bytes.wat), good while
   * `generation` stays as it is now; 0 when its literals are not ASCII or take too much room.
   */
  tableOf(pattern: ShapePattern): number {
    const { literals, kinds } = pattern;
    const size = align(literals.length * 12) + literals.reduce((sum, literal) => sum + literal.length, 0);
    if (size > LARGEST_TABLE || !literals.every(isAscii)) return 0;
    if (this.nextTable + size > PATTERN_BYTES) {
      this.generation++;
      this.nextTable = SPANS_BYTES;
    }
    const table = this.nextTable;
    const text = table + align(literals.length * 12);
    this.nextTable = align(table + size);
    const words = new Int32Array(this.memory.buffer, table, literals.length * 3);
    const bytes = new Uint8Array(this.memory.buffer);
    let at = text;
    literals.forEach((literal, step) => {
      bytes.set(Buffer.from(literal, 'latin1'), at);
      words.set([at, literal.length, kinds[step] ?? 0], step * 3);
      at += literal.length;
    });
    return table;
  }

  /**
   * Where `bytes[begin]` is in this memory, or -1 when `bytes` is not a view of an arena: the
   * matcher reads past a line's end, which only an arena's padding makes safe.
   */
  addressOf(bytes: Uint8Array, begin: number): number {
    const at = bytes.byteOffset;
    const inArena =
      bytes.buffer === this.buffer &&
      at >= this.arenaAt &&
      at + bytes.byteLength + PADDING <= this.buffer.byteLength;
    return inArena ? at + begin : -1;
  }

  /** See $match in match-bytes.wat: -1 matched, NOT_ASCII, or the step that failed. */
  match(table: number, steps: number, from: number, begin: number, end: number, spans: ByteSpans): number {
    return this.run(table, steps, from, begin, end, spans.address, spans.max);
  }

  /**
   * `length` bytes of this memory to read lines into, good until the next call (the memory grows
   * for a larger one, which empties the views of the last). PADDING bytes of memory follow them,
   * now and after any growth (the memory never shrinks), for the matcher's reads past a line's end.
   */
  arena(length: number): Buffer {
    const needed = this.arenaAt + length + PADDING;
    const have = this.memory.buffer.byteLength;
    if (needed > have) {
      this.memory.grow(Math.ceil((needed - have) / PAGE));
      this.buffer = this.memory.buffer;
      for (const book of this.books) this.view(book);
    }
    return Buffer.from(this.memory.buffer, this.arenaAt, length);
  }

  private view(book: ByteSpans): void {
    const { buffer } = this.memory;
    book.spans.starts = new Int32Array(buffer, book.address, book.max);
    book.spans.ends = new Int32Array(buffer, book.address + 4 * book.max, book.max);
    book.spans.escaped = new Uint8Array(buffer, book.address + 8 * book.max, book.max);
  }
}

/** Bytes of a spans block (see $match in match-bytes.wat): an i32 start and end, and a byte, per step. */
function spansBytes(maxSteps: number): number {
  return maxSteps * 9;
}

function align(address: number): number {
  return (address + 7) & ~7;
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

let shared: ByteMatcher | null | undefined;

/** This thread's matcher; undefined where WebAssembly is not available (node --jitless). */
export function byteMatcher(): ByteMatcher | undefined {
  if (shared === undefined) {
    try {
      shared = new ByteMatcher();
    } catch {
      shared = null;
    }
  }
  return shared ?? undefined;
}

/** `length` bytes to read lines into that the byte matcher matches in place (see ByteMatcher.arena). */
export function lineArena(length: number): Buffer | undefined {
  return byteMatcher()?.arena(length);
}
