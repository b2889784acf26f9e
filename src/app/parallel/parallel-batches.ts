import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser } from '../../parsers/index.ts';
import { PLAIN_READ_BYTES } from '../../sources/index.ts';
import type { EventBatch, ReadCounts } from '../event-stream.ts';
import { lightDecoder } from './decode-light-events.ts';
import type { LightDecoder } from './decode-light-events.ts';
import { parseRanges } from './parse-pool.ts';
import type { LocalParse } from './parse-pool.ts';
import { parseRange } from './parse-range.ts';
import { createRangeParser } from './chunk-parser.ts';
import { LineReader } from './read-range-lines.ts';
import { LightColumnWriter } from './light-columns.ts';
import { planRanges } from './plan-ranges.ts';
import { parseWorkerEntry } from './worker-entry.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData, RangeAnswer } from './worker-protocol.ts';

export interface ParallelRead extends Omit<ParseWorkerData, 'readBytes'> {
  size: number;
  /** Threads that read the file: the main thread and `threads - 1` workers (one at least). */
  threads: number;
  source: number;
  rangeBytes?: number | undefined;
  fields?: string[] | undefined;
  /** The worker module; tests give one that fails. */
  entry?: WorkerEntry;
  /** Whether the main thread parses ranges rather than wait for the workers (default true). */
  mainThreadParses?: boolean | undefined;
}

/**
 * A file's events, read and parsed by worker threads, exactly as parseBatches yields them on one
 * thread: the same events in the same order (in one batch per read of the single-thread reader;
 * detection does not depend on the batches, see DetectionEngine.feed), and the same counts.
 */
export async function* parallelBatches(read: ParallelRead, counts: ReadCounts): AsyncGenerator<EventBatch> {
  const { path, format, parserOptions, fields } = read;
  const data: ParseWorkerData = { path, format, parserOptions, fields, readBytes: PLAIN_READ_BYTES };
  const ranges = planRanges(read.size, read.rangeBytes);
  // Kept open while the file is read: the engine reads a few lines back (evidence, repeats).
  const lines = new LineReader(path);
  const decode = fields ? lightDecoder(fields, { lines, format }) : undefined;
  const local = read.mainThreadParses === false ? undefined : localParse(data);
  try {
    const workers = Math.max(1, read.threads - 1);
    const answers = parseRanges(read.entry ?? parseWorkerEntry(), data, ranges, workers, local);
    yield* batchesByRead(answers, read.source, counts, decode);
  } finally {
    lines.close();
  }
}

async function* batchesByRead(
  answers: AsyncIterable<RangeAnswer>,
  source: number,
  counts: ReadCounts,
  decode: LightDecoder | undefined,
): AsyncGenerator<EventBatch> {
  let batch: EventBatch | undefined;
  let batchRead = -1;
  for await (const answer of answers) {
    count(answer, counts);
    let at = 0;
    for (let pair = 0; pair < answer.reads.length; pair += 2) {
      const readIndex = answer.reads[pair] as number;
      const to = at + (answer.reads[pair + 1] as number);
      if (batch && readIndex !== batchRead) {
        yield batch;
        batch = undefined;
      }
      batch ??= { events: [], times: [], source };
      batchRead = readIndex;
      if (decode && answer.light) decode(answer.light, at, to, batch.events);
      else for (let i = at; i < to; i++) batch.events.push(answer.events?.[i] as SecurityEvent);
      for (let i = at; i < to; i++) batch.times.push(answer.times[i] as number);
      at = to;
    }
  }
  if (batch) yield batch;
}

/**
 * The main thread's parser of ranges, made when it first parses one: it answers as a worker does,
 * light events as columns, decoded when the reader takes the answer. The ranges it parses are ahead
 * of the reader (it parses while it would wait); held as events, they outlived the young
 * generation (on 1M Winlogbeat documents, its scavenges promoted 73 MB against 52 MB now).
 */
function localParse(data: ParseWorkerData): LocalParse {
  let parser: LineParser | undefined;
  let writer: LightColumnWriter | undefined;
  return (task) => {
    parser ??= createRangeParser(data.format, data.parserOptions, data.fields);
    if (data.fields) writer ??= new LightColumnWriter(data.fields);
    const answer = parseRange(data.path, task, parser, data.readBytes, writer);
    if (writer) answer.light = writer.take().columns;
    return answer;
  };
}

function count(answer: RangeAnswer, counts: ReadCounts): void {
  counts.lines += answer.lines;
  counts.events += answer.times.length;
  for (const [reason, n] of Object.entries(answer.skipped))
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n;
}
