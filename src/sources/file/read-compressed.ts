import { FINGERPRINT_BYTES } from './fingerprint.ts';
import { readContentChunks } from './open-decompressed.ts';
import { splitLines } from './split-lines.ts';

export interface DecompressedLines {
  lines: string[];
  /** Decompressed bytes read up to the end of these lines: where to start again. */
  offset: number;
  /** How many of `lines` were cut to the maximum. */
  cut: number;
}

const NEWLINE = Buffer.from('\n');

/**
 * The lines of a whole compressed file (see readContentChunks), from decompressed byte `from` (a
 * line start) to its end, chunk by chunk. Lines longer than `maxLineBytes` are cut as the plain
 * reader cuts them; the last line need not end in a newline (the file is complete).
 */
export async function* readDecompressedLines(
  path: string,
  from: number,
  maxLineBytes: number,
): AsyncGenerator<DecompressedLines> {
  let pending = Buffer.alloc(0);
  let skipping = false;
  let offset = from;
  let toDrop = from;
  for await (const chunk of readContentChunks(path)) {
    const dropped = Math.min(toDrop, chunk.length);
    toDrop -= dropped;
    if (dropped === chunk.length) continue;
    pending = Buffer.concat([pending, chunk.subarray(dropped)]);
    const split = splitLines(pending, pending.length, maxLineBytes, skipping);
    skipping = split.skipping;
    offset += split.consumed;
    pending = pending.subarray(split.consumed);
    if (split.consumed > 0) yield { lines: split.lines, offset, cut: split.cut };
  }
  if (pending.length === 0) return;
  const last = Buffer.concat([pending, NEWLINE]);
  const split = splitLines(last, last.length, maxLineBytes, skipping);
  yield { lines: split.lines, offset: offset + pending.length, cut: split.cut };
}

/** The first FINGERPRINT_BYTES decompressed bytes (fewer when the content is shorter). */
export async function readDecompressedHead(path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of readContentChunks(path)) {
    parts.push(Buffer.from(chunk.subarray(0, FINGERPRINT_BYTES - length)));
    length += Math.min(chunk.length, FINGERPRINT_BYTES - length);
    if (length >= FINGERPRINT_BYTES) break;
  }
  return Buffer.concat(parts);
}
