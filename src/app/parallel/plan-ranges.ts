/** A part of a file for one worker task: the lines that begin at a byte offset in [start, end). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Default bytes per task: a few thousand Winlogbeat documents, ten thousand short lines. */
export const RANGE_BYTES = 4 * 1024 * 1024;

/** Cuts `size` bytes into ranges of `rangeBytes`; readRangeLines moves each cut to a line start. */
export function planRanges(size: number, rangeBytes = RANGE_BYTES): ByteRange[] {
  const ranges: ByteRange[] = [];
  for (let start = 0; start < size; start += rangeBytes)
    ranges.push({ start, end: Math.min(size, start + rangeBytes) });
  return ranges;
}
