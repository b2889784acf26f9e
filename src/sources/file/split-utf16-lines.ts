import type { SplitLines } from './split-lines.ts';

export type Utf16Encoding = 'utf-16le' | 'utf-16be';

/** The byte order mark of each encoding, which a followed file is read past. */
export const UTF16_BOM_BYTES = 2;

/**
 * splitLines for UTF-16 text (what Windows tools and SQL Server write): lines end at the code unit
 * U+000A (CRLF too), a line longer than `maxLineBytes` is cut (at a character) and the rest of it
 * dropped, even across reads; an odd last byte waits for its pair. `buffer[0, length)` starts on a
 * code unit, as a followed file's offset always does once past its byte order mark.
 */
export function splitUtf16Lines(
  buffer: Buffer,
  length: number,
  maxLineBytes: number,
  skipping: boolean,
  encoding: Utf16Encoding,
): SplitLines {
  const end = length - (length % 2);
  const little = encoding === 'utf-16le';
  const lines: string[] = [];
  let cut = 0;
  let start = 0;
  while (start < end) {
    const newline = nextNewline(buffer, start, end, little);
    if (newline === -1) {
      if (skipping) start = end;
      // Two bytes of slack: a CR may be waiting for its LF.
      else if (end - start > maxLineBytes + 2) {
        lines.push(decode(buffer, start, start + cutWidth(buffer, start, maxLineBytes, little), little));
        cut++;
        skipping = true;
        start = end;
      }
      break;
    }
    if (skipping) skipping = false;
    else {
      const lineEnd = newline > start && unitAt(buffer, newline - 2, little) === 0x0d ? newline - 2 : newline;
      if (lineEnd - start > maxLineBytes) {
        lines.push(decode(buffer, start, start + cutWidth(buffer, start, maxLineBytes, little), little));
        cut++;
      } else lines.push(decode(buffer, start, lineEnd, little));
    }
    start = newline + 2;
  }
  return { lines, consumed: start, cut, skipping };
}

function unitAt(buffer: Buffer, at: number, little: boolean): number {
  return little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
}

/** Where the next U+000A starts, on a code unit boundary from `start`; -1 when none before `end`. */
function nextNewline(buffer: Buffer, start: number, end: number, little: boolean): number {
  const pattern = little ? NEWLINE_LE : NEWLINE_BE;
  for (
    let at = buffer.indexOf(pattern, start);
    at !== -1 && at + 1 < end;
    at = buffer.indexOf(pattern, at + 1)
  ) {
    if ((at - start) % 2 === 0) return at;
  }
  return -1;
}

const NEWLINE_LE = Buffer.from([0x0a, 0x00]);
const NEWLINE_BE = Buffer.from([0x00, 0x0a]);

/** At most `maxBytes` (even) from `start`, less a high surrogate whose pair the cut would leave out. */
function cutWidth(buffer: Buffer, start: number, maxBytes: number, little: boolean): number {
  let width = maxBytes - (maxBytes % 2);
  const last = width >= 2 ? unitAt(buffer, start + width - 2, little) : 0;
  if (last >= 0xd800 && last <= 0xdbff) width -= 2;
  return width;
}

function decode(buffer: Buffer, start: number, end: number, little: boolean): string {
  if (little) return buffer.toString('utf16le', start, end);
  return Buffer.from(buffer.subarray(start, end)).swap16().toString('utf16le');
}
