import { readContentChunks } from './open-decompressed.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

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
  // Lines are decoded into strings of their own and the carry is copied: a chunk may be reused.
  let carry: Buffer | undefined;
  const most = Math.max(1, maxLines);
  for await (const chunk of readContentChunks(path)) {
    let lines: string[] = [];
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, 0);
    if (carry !== undefined && newline !== -1) {
      lines.push(decodeLine(Buffer.concat([carry, chunk.subarray(0, newline)]), 0, carry.length + newline));
      carry = undefined;
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    while (newline !== -1) {
      if (lines.length >= most) {
        yield lines;
        lines = [];
      }
      lines.push(decodeLine(chunk, start, newline));
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const tail = chunk.subarray(start);
      carry = carry === undefined ? Buffer.from(tail) : Buffer.concat([carry, tail]);
    }
    if (lines.length > 0) yield lines;
  }
  if (carry !== undefined && carry.length > 0) yield [decodeLine(carry, 0, carry.length)];
}

function decodeLine(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  return buffer.toString('utf8', start, stop);
}

/** The first `count` non-empty lines of a file, for choosing its parser. */
export async function readFirstLines(path: string, count: number): Promise<string[]> {
  const sample: string[] = [];
  for await (const batch of readLineBatches(path)) {
    for (const line of batch) {
      if (line.trim() !== '') sample.push(line);
      if (sample.length >= count) return sample;
    }
  }
  return sample;
}
