import { createReadStream } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/**
 * Reads a file as batches of lines (without line ends, CRLF too), one batch per chunk read, so
 * the per-line cost is a string slice and no await. The last line need not end in a newline.
 */
export async function* readLineBatches(path: string): AsyncGenerator<string[]> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    const lines: string[] = [];
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      lines.push(lineAt(text, start, newline));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [lineAt(rest, 0, rest.length)];
}

function lineAt(text: string, start: number, end: number): string {
  return text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
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
