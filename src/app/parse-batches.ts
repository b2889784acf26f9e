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
}

/** A file read and parsed on the calling (main) thread, in batches of one read each. */
export async function* parseBatches(read: FileParse): AsyncGenerator<EventBatch> {
  const { path, parser, counts, source, skipEvents, lines: store } = read;
  const located = store !== undefined && parser.parseLineAt !== undefined;
  try {
    yield* parsedBatches(
      located ? readLocatedLineBatches(path) : linesOnly(path),
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

async function* linesOnly(path: string): AsyncGenerator<LocatedLines> {
  for await (const lines of readLineBatches(path)) yield { lines, starts: [], bytes: [] };
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
