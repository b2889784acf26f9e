import { describeIoError } from './describe-io-error.ts';
import { readHead, startsWithFingerprint } from './fingerprint.ts';
import { splitLines } from './split-lines.ts';
import { splitUtf16Lines, UTF16_BOM_BYTES } from './split-utf16-lines.ts';
import { closeFile } from './tracked-file.ts';
import type { TrackedFile } from './tracked-file.ts';

/** Chunks read from one file before the others get their turn. */
const CHUNKS_PER_TURN = 8;
/** How long a file renamed away stays open at its end for a writer that has not reopened yet. */
export const CLOSE_INACTIVE_MS = 60_000;

export interface ReadContext {
  /** Reused for every read; at least `maxLineBytes + 2` bytes long. */
  buffer: Buffer;
  maxLineBytes: number;
  signal: AbortSignal;
  now: () => number;
  /** Hands on lines of `file` (its offset already past them) and waits for the sink. */
  deliver(file: TrackedFile, lines: string[]): Promise<void>;
  counters: { linesCut: number };
}

export interface FileTurn {
  /** Something was read or changed: look again without sleeping. */
  progressed: boolean;
  problem?: string;
  /** Read to its end and no longer followed: the caller forgets it. */
  finished: boolean;
}

/**
 * Reads what is new in one open file (see prepareFile), a few chunks at most, delivering each
 * chunk's lines. A file no longer followed is finished once it has nothing new: at once when
 * `removed`, after CLOSE_INACTIVE_MS when renamed away (its writer may not have reopened yet).
 */
export async function readFileTurn(
  file: TrackedFile,
  removed: boolean,
  context: ReadContext,
): Promise<FileTurn> {
  let progressed = false;
  for (let turn = 0; turn < CHUNKS_PER_TURN && !context.signal.aborted; turn++) {
    const chunk = await attempt(file, () => readChunk(file, context));
    if (chunk.kind === 'problem') return { progressed, problem: chunk.message, finished: false };
    if (chunk.value.changed) return { progressed: true, finished: false };
    if (chunk.value.consumed === 0) break;
    progressed = true;
    if (chunk.value.lines.length > 0) await context.deliver(file, chunk.value.lines);
    if (chunk.value.atEnd) break;
  }
  if (progressed || file.matched) {
    file.idleSince = undefined;
    return { progressed, finished: false };
  }
  file.idleSince ??= context.now();
  if (!removed && context.now() - file.idleSince < CLOSE_INACTIVE_MS) return { progressed, finished: false };
  const last = await attempt(file, () => readLastLine(file, context));
  if (last.kind === 'problem') return { progressed, problem: last.message, finished: false };
  if (last.value.length > 0) await context.deliver(file, last.value);
  return { progressed, finished: true };
}

/** Runs a read; I/O trouble closes the file (it is reopened next turn) and becomes a message. */
async function attempt<T>(
  file: TrackedFile,
  read: () => Promise<T>,
): Promise<{ kind: 'read'; value: T } | { kind: 'problem'; message: string }> {
  try {
    return { kind: 'read', value: await read() };
  } catch (error) {
    await closeFile(file);
    return { kind: 'problem', message: `cannot read ${file.path}: ${describeIoError(error)}` };
  }
}

async function readChunk(file: TrackedFile, context: ReadContext) {
  const handle = file.handle as NonNullable<TrackedFile['handle']>;
  const { buffer } = context;
  if (file.utf16 !== undefined && file.offset < UTF16_BOM_BYTES) file.offset = UTF16_BOM_BYTES;
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, file.offset);
  if (
    bytesRead > 0 &&
    !startsWithFingerprint(await readHead(handle, file.fingerprint.bytes), file.fingerprint)
  ) {
    // Truncated and written again since the check: the bytes read may be new content at an old offset.
    file.checkedStamp = undefined;
    return { lines: [], consumed: 0, cut: 0, skipping: file.skipping, atEnd: true, changed: true };
  }
  const split = splitText(file, buffer, bytesRead, context.maxLineBytes);
  const atEnd = bytesRead < buffer.length;
  file.size = Math.max(file.size, file.offset + bytesRead);
  file.offset += split.consumed;
  file.skipping = split.skipping;
  file.waiting = atEnd ? bytesRead - split.consumed : 0;
  context.counters.linesCut += split.cut;
  return { ...split, atEnd, changed: false };
}

/** A file that will not grow any more may end without a newline: its last line is still a line. */
async function readLastLine(file: TrackedFile, context: ReadContext): Promise<string[]> {
  if (file.waiting === 0) return [];
  const { buffer } = context;
  const handle = file.handle as NonNullable<TrackedFile['handle']>;
  const newline =
    file.utf16 === 'utf-16be' ? [0x00, 0x0a] : file.utf16 === 'utf-16le' ? [0x0a, 0x00] : [0x0a];
  // Room for the line end added after it (an odd last byte of UTF-16 is half a character: dropped).
  const room = Math.min(file.waiting, buffer.length - newline.length);
  const { bytesRead } = await handle.read(buffer, 0, room, file.offset);
  buffer.set(newline, bytesRead - (file.utf16 === undefined ? 0 : bytesRead % 2));
  const split = splitText(file, buffer, bytesRead + newline.length, context.maxLineBytes);
  file.offset += bytesRead;
  file.skipping = false;
  file.waiting = 0;
  context.counters.linesCut += split.cut;
  return split.lines;
}

/** The file's complete lines in `buffer[0, length)`, split as its encoding writes them. */
function splitText(file: TrackedFile, buffer: Buffer, length: number, maxLineBytes: number) {
  return file.utf16 === undefined
    ? splitLines(buffer, length, maxLineBytes, file.skipping)
    : splitUtf16Lines(buffer, length, maxLineBytes, file.skipping, file.utf16);
}
