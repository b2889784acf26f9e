const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface SplitLines {
  /** Complete lines without their line ends (LF or CRLF), and lines cut to the maximum. */
  lines: string[];
  /** Bytes used from the start of the buffer; an incomplete last line is left for the next read. */
  consumed: number;
  /** How many of `lines` were cut. */
  cut: number;
  /** The buffer ended inside a cut line: drop bytes up to its newline before the next line. */
  skipping: boolean;
}

/**
 * Splits `buffer[0, length)` into complete lines. A line longer than `maxLineBytes` is cut to
 * that many bytes (at a character boundary) and the rest of it, up to its newline, is dropped,
 * even across reads (`skipping`); an incomplete line is cut once it outgrows the maximum, so a
 * buffer of `maxLineBytes + 2` bytes always makes progress.
 */
export function splitLines(
  buffer: Buffer,
  length: number,
  maxLineBytes: number,
  skipping: boolean,
): SplitLines {
  const view = buffer.subarray(0, length);
  const lines: string[] = [];
  let cut = 0;
  let start = 0;
  while (start < length) {
    const newline = view.indexOf(NEWLINE, start);
    if (newline === -1) {
      if (skipping) start = length;
      // One byte of slack: a CR may be waiting for its LF.
      else if (length - start > maxLineBytes + 1) {
        lines.push(decodeCut(view, start, maxLineBytes));
        cut++;
        skipping = true;
        start = length;
      }
      break;
    }
    if (skipping) skipping = false;
    else {
      const end = newline > start && view[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
      if (end - start > maxLineBytes) {
        lines.push(decodeCut(view, start, maxLineBytes));
        cut++;
      } else lines.push(view.toString('utf8', start, end));
    }
    start = newline + 1;
  }
  return { lines, consumed: start, cut, skipping };
}

/** The first `maxBytes` bytes from `start`, less a multi-byte character the cut would split. */
function decodeCut(view: Buffer, start: number, maxBytes: number): string {
  let end = start + maxBytes;
  while (end > start && ((view[end] as number) & 0xc0) === 0x80) end--;
  return view.toString('utf8', start, end);
}
