import type { LineParser } from '../parsers/index.ts';
import { parseLines, parseLinesAt } from '../parsers/index.ts';
import type { LocatedLines } from '../sources/index.ts';
import { readLineBatches, readLocatedLineBatches } from '../sources/index.ts';
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
      located ? readLocatedLineBatches(path, most) : linesOnly(path, most),
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

async function* linesOnly(path: string, maxLines: number): AsyncGenerator<LocatedLines> {
  for await (const lines of readLineBatches(path, maxLines)) yield { lines, starts: [], bytes: [] };
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
  for await (const { lines, starts, bytes } of reads) {
    const parsed = starts.length > 0 ? parseLinesAt(parser, lines, starts, bytes) : parseLines(parser, lines);
    const { events, times } = parsed;
    for (const reason in parsed.skipped)
      skipped[reason] = (skipped[reason] ?? 0) + (parsed.skipped[reason] ?? 0);
    counts.lines += lines.length;
    counts.events += events.length;
    if (toSkip >= events.length) {
      toSkip -= events.length;
    } else {
      const from = toSkip;
      toSkip = 0;
      yield from === 0
        ? { events, times, source }
        : { events: events.slice(from), times: times.slice(from), source };
    }
  }
}
