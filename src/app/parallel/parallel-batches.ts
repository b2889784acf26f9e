import type { EventBatch, ReadCounts } from '../event-stream.ts';
import { parseRanges } from './parse-pool.ts';
import { planRanges } from './plan-ranges.ts';
import { decodeEvents } from './transfer-codec.ts';
import { parseWorkerEntry } from './worker-entry.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData } from './worker-protocol.ts';

export interface ParallelRead extends ParseWorkerData {
  size: number;
  threads: number;
  source: number;
  rangeBytes?: number;
  /** The worker module; tests give one that fails. */
  entry?: WorkerEntry;
}

/**
 * A file's events, read and parsed by worker threads, as parseBatches yields them on one thread:
 * the same events in the same order, the same counts (lines, events, skip reasons).
 */
export async function* parallelBatches(read: ParallelRead, counts: ReadCounts): AsyncGenerator<EventBatch> {
  const data: ParseWorkerData = { path: read.path, format: read.format, parserOptions: read.parserOptions };
  const ranges = planRanges(read.size, read.rangeBytes);
  const entry = read.entry ?? parseWorkerEntry();
  for await (const answer of parseRanges(entry, data, ranges, read.threads)) {
    counts.lines += answer.lines;
    counts.events += answer.times.length;
    for (const [reason, n] of Object.entries(answer.skipped))
      counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n;
    if (answer.times.length > 0)
      yield { events: decodeEvents(answer.events), times: Array.from(answer.times), source: read.source };
  }
}
