import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../core/index.ts';
import { lineArena } from '../../parsers/index.ts';
import type { ByteRange } from './plan-ranges.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const TAIL_BYTES = 64 * 1024;

/** Lines of a range, and where each ends: the byte offset of its newline, -1 for a last line without one. */
export interface RangeLines {
  lines: string[];
  ends: number[];
  /** Where each line's text is in the file: its first byte and its length in bytes (no CR, no LF). */
  starts: number[];
  bytes: number[];
}

/**
 * The lines of an open file that begin inside `range`, as readLineBatches splits them (LF or CRLF,
 * the last line may lack a newline): a line that begins before the range belongs to the range
 * before, one that begins inside it is read on past `range.end` to its newline. Ranges that cover
 * a file therefore yield each of its lines exactly once, in file order.
 */
export function readRangeLines(fd: number, range: ByteRange): RangeLines {
  const parts = readRangeParts(fd, range);
  const lines: string[] = [];
  for (let i = 0; i < parts.ends.length; i++) lines.push(lineOf(parts, i));
  return { lines, ends: parts.ends, starts: parts.starts, bytes: parts.bytes };
}

/** The lines of a range still as bytes: each is decoded when it is read (see lineOf). */
export interface RangeParts extends Omit<RangeLines, 'lines'> {
  buffer: Buffer;
  /** Where each line begins in `buffer`. */
  begins: number[];
  /** Whether `buffer` is all ASCII: its lines are then decoded as Latin-1, the same text in less time. */
  ascii: boolean;
}

/** Line `index` of `parts`, decoded: one at a time, a line is garbage once parsed (a young one). */
export function lineOf(parts: RangeParts, index: number): string {
  const begin = parts.begins[index] as number;
  return parts.buffer.toString(
    parts.ascii ? 'latin1' : 'utf8',
    begin,
    begin + (parts.bytes[index] as number),
  );
}

/**
 * readRangeLines without decoding the lines. The bytes are read into a buffer this thread reuses
 * (fresh memory for each range costs page faults): the parts are good until the next call.
 */
export function readRangeParts(fd: number, range: ByteRange): RangeParts {
  const from = range.start === 0 || byteAt(fd, range.start - 1) === NEWLINE ? range.start : -1;
  const length = range.end - range.start;
  // The range and a tail in one read: its last line mostly ends in the tail (no copy to join them).
  const read = readAt(fd, range.start, length + TAIL_BYTES, reusable(length + TAIL_BYTES));
  let begin = 0;
  if (from === -1) {
    const newline = read.indexOf(NEWLINE);
    if (newline === -1 || newline >= length)
      return { buffer: read, begins: [], ends: [], starts: [], bytes: [], ascii: true };
    begin = newline + 1;
  }
  const buffer = throughLastLine(fd, read, range.end, length);
  const found: RangeParts = { buffer, begins: [], ends: [], starts: [], bytes: [], ascii: isAscii(buffer) };
  let newline = buffer.indexOf(NEWLINE, begin);
  while (newline !== -1) {
    addLine(found, buffer, range.start, begin, newline);
    found.ends.push(range.start + newline);
    begin = newline + 1;
    newline = buffer.indexOf(NEWLINE, begin);
  }
  if (begin < buffer.length) {
    addLine(found, buffer, range.start, begin, buffer.length);
    found.ends.push(-1);
  }
  return found;
}

function addLine(found: RangeParts, buffer: Buffer, offset: number, start: number, end: number): void {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  found.begins.push(start);
  found.starts.push(offset + start);
  found.bytes.push(stop - start);
}

/**
 * The range in `read` (its `length` bytes and up to TAIL_BYTES after them) up to the end of its last
 * line: the newline at or after its end, else the end of the file.
 */
function throughLastLine(fd: number, read: Buffer, end: number, length: number): Buffer {
  if (read.length <= length) return read;
  if (length === 0 || read[length - 1] === NEWLINE) return read.subarray(0, length);
  const newline = read.indexOf(NEWLINE, length);
  if (newline !== -1) return read.subarray(0, newline + 1);
  // A last line longer than the tail: read on from the end of the tail.
  return read.length < length + TAIL_BYTES ? read : readToNewline(fd, read, end + TAIL_BYTES);
}

/** `buffer` (the range) and what follows it up to the end of its last line. */
function readToNewline(fd: number, buffer: Buffer, end: number): Buffer {
  const parts = [buffer];
  let position = end;
  for (;;) {
    const tail = readAt(fd, position, TAIL_BYTES);
    if (tail.length === 0) break;
    const newline = tail.indexOf(NEWLINE);
    if (newline !== -1) {
      parts.push(tail.subarray(0, newline + 1));
      break;
    }
    parts.push(tail);
    position += tail.length;
  }
  return parts.length === 1 ? buffer : Buffer.concat(parts);
}

/** Ranges larger than this are read into a buffer of their own. */
const MAX_REUSED_BYTES = 16 * 1024 * 1024;
let reused: Buffer | undefined;

/** The byte matcher's memory where there is one: NDJSON lines read there are matched in place. */
function reusable(length: number): Buffer | undefined {
  if (length > MAX_REUSED_BYTES) return undefined;
  const arena = lineArena(length);
  if (arena !== undefined) return arena;
  if (reused === undefined || reused.length < length) reused = Buffer.allocUnsafe(length);
  return reused;
}

function readAt(fd: number, position: number, length: number, into?: Buffer): Buffer {
  const buffer = into === undefined ? Buffer.allocUnsafe(length) : into.subarray(0, length);
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

function byteAt(fd: number, position: number): number | undefined {
  return readAt(fd, position, 1)[0];
}

/**
 * Reads lines again from where readRangeLines found them: the evidence of an event parsed by a
 * worker thread is read back from the file rather than copied between threads. The file stays open
 * until `close`; lines read after that (evidence made whole at a replay's last flush, many at once)
 * open it again until the next turn of the event loop.
 */
export class LineReader {
  private fd: number | undefined;
  private keepOpen = true;

  constructor(readonly path: string) {}

  read(start: number, bytes: number): string {
    const fd = this.fd ?? this.open();
    const buffer = readAt(fd, start, bytes);
    if (buffer.length !== bytes) throw new InputError(`${this.path}: the file changed while it was replayed`);
    return buffer.toString('utf8');
  }

  close(): void {
    this.keepOpen = false;
    this.release();
  }

  private open(): number {
    const fd = openSync(this.path, 'r');
    this.fd = fd;
    if (!this.keepOpen) setImmediate(() => this.release());
    return fd;
  }

  private release(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
