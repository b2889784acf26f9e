import { readContentChunks } from './open-decompressed.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * A batch of lines and, index for index, their length in bytes and (when located) where each
 * line's text is in the file (first byte). The bytes of a line as read are at `begins[i]` of
 * `chunk` (-1: a line that spans two reads), good until the next batch is asked for.
 */
export interface LocatedLines {
  lines: string[];
  starts: number[];
  bytes: number[];
  chunk?: Buffer | undefined;
  begins?: number[];
}

/**
 * Reads a file as batches of lines (without line ends, CRLF too), one batch per chunk read, so
 * the per-line cost is one UTF-8 decode and no await. The last line need not end in a newline.
 * Each line is decoded on its own rather than sliced from a decoded chunk: a slice would keep
 * the whole chunk alive for as long as an incident keeps the event as evidence. A gzip file is
 * read gunzipped; other compression and binary content are refused (see inspectLogFile).
 * `maxLines` cuts a chunk's lines into several batches, decoded as they are asked for: lines a
 * consumer is done with then die young, before the garbage collector would copy them.
 */
export async function* readLineBatches(path: string, maxLines = Infinity): AsyncGenerator<string[]> {
  for await (const batch of splitLines(path, false, maxLines)) yield batch.lines;
}

/**
 * readLineBatches, the same batches, with where each line is in the file: for plain files only
 * (in a gzip file these would be places in the gunzipped text, which cannot be read back).
 */
export function readLocatedLineBatches(path: string, maxLines = Infinity): AsyncGenerator<LocatedLines> {
  return splitLines(path, true, maxLines);
}

/** readLineBatches, the same batches, with each line's bytes as read (a gzip file's gunzipped). */
export function readLineBatchesWithBytes(path: string, maxLines = Infinity): AsyncGenerator<LocatedLines> {
  return splitLines(path, false, maxLines);
}

async function* splitLines(path: string, located: boolean, maxLines: number): AsyncGenerator<LocatedLines> {
  // Lines are decoded into strings of their own and the carry is copied: a chunk may be reused.
  let carry: Buffer | undefined;
  let carryStart = 0;
  let position = 0;
  const most = Math.max(1, maxLines);
  for await (const chunk of readContentChunks(path)) {
    let found = batchOf(chunk);
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, 0);
    if (carry !== undefined && newline !== -1) {
      const joined = Buffer.concat([carry, chunk.subarray(0, newline)]);
      addLine(found, joined, 0, carry.length + newline, located ? carryStart : -1);
      carry = undefined;
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    while (newline !== -1) {
      if (found.lines.length >= most) {
        yield found;
        found = batchOf(chunk);
      }
      addLine(found, chunk, start, newline, located ? position : -1);
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const tail = chunk.subarray(start);
      if (carry === undefined) carryStart = position + start;
      carry = carry === undefined ? Buffer.from(tail) : Buffer.concat([carry, tail]);
    }
    position += chunk.length;
    if (found.lines.length > 0) yield found;
  }
  if (carry !== undefined && carry.length > 0) {
    // No bytes for a last line without a newline, as for any line that spans reads: it is the one
    // line whose length no read bounds, and a consumer may copy a batch's bytes (see parseBatches).
    const found = batchOf(undefined);
    addLine(found, carry, 0, carry.length, located ? carryStart : -1);
    yield found;
  }
}

function batchOf(chunk: Buffer | undefined): LocatedLines {
  return { lines: [], starts: [], bytes: [], chunk, begins: [] };
}

/** Adds the line from `start` to `end` of `buffer`; `offset` is where the buffer is in the file (-1: not noted). */
function addLine(found: LocatedLines, buffer: Buffer, start: number, end: number, offset: number): void {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  found.lines.push(buffer.toString('utf8', start, stop));
  found.bytes.push(stop - start);
  found.begins?.push(buffer === found.chunk ? start : -1);
  if (offset !== -1) found.starts.push(offset + start);
}

/** The first `count` non-empty lines of a file, for choosing its parser. */
export async function readFirstLines(path: string, count: number): Promise<string[]> {
  const sample: string[] = [];
  // Batches of `count` lines: the rest of the first read is never decoded.
  for await (const batch of readLineBatches(path, count)) {
    for (const line of batch) {
      if (line.trim() !== '') sample.push(line);
      if (sample.length >= count) return sample;
    }
  }
  return sample;
}
