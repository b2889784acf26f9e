import type { SecurityEvent } from '../core/index.ts';
import type { LineBytes, LineParser, ParsedLines } from '../parsers/index.ts';
import { lineArena, parseLines, parseLinesAt } from '../parsers/index.ts';
import type { LocatedLines } from '../sources/index.ts';
import { readLineBatchesWithBytes, readLocatedLineBatches } from '../sources/index.ts';
import type { EventBatch, ReadCounts } from './event-stream.ts';
import type { LineReader } from './parallel/read-range-lines.ts';

export interface FileParse {
  path: string;
  parser: LineParser;
  counts: ReadCounts;
  source: number;
  /** Events to pass over at the start (a resumed replay). */
  skipEvents: number;
  /** The file's lines by place: given, and the parser able to, events keep where their line is. */
  lines: LineReader | undefined;
  /** Lines parsed at a time (default PARSE_BATCH_LINES); results do not depend on it. */
  batchLines?: number | undefined;
}

/**
 * Lines parsed and handed on at a time: the events of a whole read (1 MiB of lines) outlived the
 * young generation of the garbage collector before detection was done with them, and copying
 * them cost about a third of an sshd replay. Detection does not depend on the batches (see feed).
 */
export const PARSE_BATCH_LINES = 512;

/** A file read and parsed on the calling (main) thread, in batches of at most `batchLines` lines. */
export async function* parseBatches(read: FileParse): AsyncGenerator<EventBatch> {
  const { path, parser, counts, source, skipEvents, lines: store } = read;
  const located = store !== undefined && parser.parseLineAt !== undefined;
  const most = read.batchLines ?? PARSE_BATCH_LINES;
  try {
    yield* parsedBatches(
      located ? readLocatedLineBatches(path, most) : readLineBatchesWithBytes(path, most),
      parser,
      counts,
      source,
      skipEvents,
    );
  } finally {
    // Lines read after the file is read (evidence of the last detections) open it for each one.
    store?.close();
  }
}

async function* parsedBatches(
  reads: AsyncGenerator<LocatedLines>,
  parser: LineParser,
  counts: ReadCounts,
  source: number,
  skipEvents: number,
): AsyncGenerator<EventBatch> {
  const skipped = counts.skipped;
  let toSkip = skipEvents;
  // Lines are given to a parser that matches them in their bytes (see ByteMatcher) in its memory.
  const inBytes = parser.parseLineAt !== undefined || parser.parseLineBytes !== undefined;
  for await (const batch of reads) {
    const { lines, starts, bytes } = batch;
    const read = inBytes ? copiedToArena(batch) : undefined;
    const parsed: ParsedLines =
      starts.length > 0 ? parseLinesAt(parser, lines, starts, bytes, read) : parseLines(parser, lines, read);
    const { events, times } = parsed;
    for (const reason in parsed.skipped)
      skipped[reason] = (skipped[reason] ?? 0) + (parsed.skipped[reason] ?? 0);
    counts.lines += lines.length;
    counts.events += events.length;
    const kept = unskipped(events, times, source, toSkip);
    toSkip = Math.max(0, toSkip - events.length);
    if (kept !== undefined) yield kept;
  }
  // A format whose last record only ends with the input (Windows classic text).
  const events: SecurityEvent[] = [];
  const times: number[] = [];
  parser.finish?.((event, ts) => {
    events.push(event);
    times.push(ts);
  });
  counts.events += events.length;
  const last = unskipped(events, times, source, toSkip);
  if (last !== undefined) yield last;
}

/** The batch of `events` after the first `toSkip` (a resumed replay's), undefined when none is left. */
function unskipped(
  events: SecurityEvent[],
  times: number[],
  source: number,
  toSkip: number,
): EventBatch | undefined {
  if (toSkip >= events.length) return undefined;
  return toSkip === 0
    ? { events, times, source }
    : { events: events.slice(toSkip), times: times.slice(toSkip), source };
}

/**
 * The bytes of a batch's lines, copied into the byte matcher's memory, where its parser matches them
 * in place (a line that spans two reads is matched as text). Copied just before the batch is parsed:
 * the memory is shared by everything that reads lines on this thread.
 */
function copiedToArena({ chunk, begins, bytes }: LocatedLines): LineBytes | undefined {
  if (chunk === undefined || begins === undefined) return undefined;
  let from = Infinity;
  let to = -1;
  for (let i = 0; i < begins.length; i++) {
    const begin = begins[i] as number;
    if (begin < 0) continue;
    if (begin < from) from = begin;
    to = Math.max(to, begin + (bytes[i] as number));
  }
  if (to < 0) return undefined;
  const arena = lineArena(to - from);
  if (arena === undefined) return undefined;
  chunk.copy(arena, 0, from, to);
  return { buffer: arena, begins: begins.map((begin) => (begin < 0 ? -1 : begin - from)), lengths: bytes };
}
