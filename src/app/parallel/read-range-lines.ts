import { readSync } from 'node:fs';
import type { ByteRange } from './plan-ranges.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const TAIL_BYTES = 64 * 1024;

/** Lines of a range, and where each ends: the byte offset of its newline, -1 for a last line without one. */
export interface RangeLines {
  lines: string[];
  ends: number[];
}

/**
 * The lines of an open file that begin inside `range`, as readLineBatches splits them (LF or CRLF,
 * the last line may lack a newline): a line that begins before the range belongs to the range
 * before, one that begins inside it is read on past `range.end` to its newline. Ranges that cover
 * a file therefore yield each of its lines exactly once, in file order.
 */
export function readRangeLines(fd: number, range: ByteRange): RangeLines {
  const from = range.start === 0 || byteAt(fd, range.start - 1) === NEWLINE ? range.start : -1;
  let buffer = readAt(fd, range.start, range.end - range.start);
  let begin = 0;
  if (from === -1) {
    const newline = buffer.indexOf(NEWLINE);
    if (newline === -1) return { lines: [], ends: [] };
    begin = newline + 1;
  }
  if (buffer.length > 0 && buffer[buffer.length - 1] !== NEWLINE)
    buffer = readToNewline(fd, buffer, range.end);
  const found: RangeLines = { lines: [], ends: [] };
  let newline = buffer.indexOf(NEWLINE, begin);
  while (newline !== -1) {
    found.lines.push(decodeLine(buffer, begin, newline));
    found.ends.push(range.start + newline);
    begin = newline + 1;
    newline = buffer.indexOf(NEWLINE, begin);
  }
  if (begin < buffer.length) {
    found.lines.push(decodeLine(buffer, begin, buffer.length));
    found.ends.push(-1);
  }
  return found;
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

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
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

function decodeLine(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  return buffer.toString('utf8', start, stop);
}
