import type { SecurityEvent } from '../../core/index.ts';
import { PLAIN_READ_BYTES } from '../../sources/index.ts';
import type { EventBatch, ReadCounts } from '../event-stream.ts';
import { parseRanges } from './parse-pool.ts';
import { planRanges } from './plan-ranges.ts';
import { parseWorkerEntry } from './worker-entry.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData, RangeAnswer } from './worker-protocol.ts';

export interface ParallelRead extends Omit<ParseWorkerData, 'readBytes'> {
  size: number;
  threads: number;
  source: number;
  rangeBytes?: number | undefined;
  fields?: string[] | undefined;
  /** The worker module; tests give one that fails. */
  entry?: WorkerEntry;
}

/**
 * A file's events, read and parsed by worker threads, exactly as parseBatches yields them on one
 * thread: the same events in the same batches (one per read of the single-thread reader, so the
 * engine's batch-by-batch updates are the same too), and the same counts.
 */
export async function* parallelBatches(read: ParallelRead, counts: ReadCounts): AsyncGenerator<EventBatch> {
  const { path, format, parserOptions, fields } = read;
  const data: ParseWorkerData = { path, format, parserOptions, fields, readBytes: PLAIN_READ_BYTES };
  const ranges = planRanges(read.size, read.rangeBytes);
  let batch: EventBatch | undefined;
  let batchRead = -1;
  for await (const answer of parseRanges(read.entry ?? parseWorkerEntry(), data, ranges, read.threads)) {
    count(answer, counts);
    const events = answer.events;
    let at = 0;
    for (let pair = 0; pair < answer.reads.length; pair += 2) {
      const readIndex = answer.reads[pair] as number;
      const size = answer.reads[pair + 1] as number;
      if (batch && readIndex !== batchRead) {
        yield batch;
        batch = undefined;
      }
      batch ??= { events: [], times: [], source: read.source };
      batchRead = readIndex;
      append(batch, events, answer.times, at, at + size);
      at += size;
    }
  }
  if (batch) yield batch;
}

function append(
  batch: EventBatch,
  events: SecurityEvent[],
  times: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    batch.events.push(events[i] as SecurityEvent);
    batch.times.push(times[i] as number);
  }
}

function count(answer: RangeAnswer, counts: ReadCounts): void {
  counts.lines += answer.lines;
  counts.events += answer.times.length;
  for (const [reason, n] of Object.entries(answer.skipped))
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n;
}
