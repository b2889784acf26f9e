import { MATCH_FUNCTIONS, spansBytes } from './match-bytes-code.ts';
import type { HoleSpans, ShapePattern } from './match-shape.ts';
import { wasmModule } from './wasm-module.ts';

/** Returned by ByteMatcher.match for a line whose holes hold a byte >= 0x80: match its text instead. */
export const NOT_ASCII = -2;

const PAGE = 65536;
/** Memory below the line arena: spans blocks, pattern tables and their literals. */
const PATTERN_BYTES = 4 * 1024 * 1024;
/** Bytes past a line's end the matcher may read (a byte after a number at the end of the arena). */
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
  /** Next free byte below the arena; 0 is no address. */
  private next = 8;
  private readonly books: ByteSpans[] = [];
  private readonly arenaAt = PATTERN_BYTES;

  constructor() {
    const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
    this.memory = new wasm.Memory({ initial: PATTERN_BYTES / PAGE + 1 });
    const module = new wasm.Module(wasmModule(MATCH_FUNCTIONS));
    const instance = new wasm.Instance(module, { m: { memory: this.memory } });
    this.run = instance.exports.match as MatchFunction;
    this.buffer = this.memory.buffer;
  }

  /** Spans for a book reading up to `max` holes, kept in this memory; undefined when it is full. */
  spans(max: number): ByteSpans | undefined {
    const address = this.allocate(spansBytes(max));
    if (address === 0) return undefined;
    const book: ByteSpans = {
      spans: { starts: EMPTY_I32, ends: EMPTY_I32, escaped: EMPTY_U8 },
      address,
      max,
    };
    this.view(book);
    this.books.push(book);
    return book;
  }

  /** The address of `pattern`'s table (see MATCH_FUNCTIONS), 0 when its literals are not ASCII or there is no room. */
  tableOf(pattern: ShapePattern): number {
    const { literals, kinds } = pattern;
    if (!literals.every(isAscii)) return 0;
    const table = this.allocate(literals.length * 12);
    const text = this.allocate(literals.reduce((sum, literal) => sum + literal.length, 0));
    if (table === 0 || text === 0) return 0;
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

  /** Where `bytes[begin]` is in this memory, or -1 when `bytes` is not a view of it. */
  addressOf(bytes: Uint8Array, begin: number): number {
    return bytes.buffer === this.buffer ? bytes.byteOffset + begin : -1;
  }

  /** See MATCH_FUNCTIONS: -1 matched, NOT_ASCII, or the step that failed. */
  match(table: number, steps: number, from: number, begin: number, end: number, spans: ByteSpans): number {
    return this.run(table, steps, from, begin, end, spans.address, spans.max);
  }

  /**
   * `length` bytes of this memory to read lines into, good until the next call (the memory grows
   * for a larger one, which empties the views of the last).
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

  /** `size` bytes below the arena, 4-aligned; 0 when there is no room. */
  private allocate(size: number): number {
    const address = this.next;
    if (address + size > this.arenaAt) return 0;
    this.next = (address + size + 7) & ~7;
    return address;
  }
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
