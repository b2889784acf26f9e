// Worker thread entry: parses the byte ranges of one file that the main thread sends, and answers
// each with its events, light ones when the rules say what they read (see light-events.ts): the
// main thread then clones a few fields per event rather than whole documents. Started by parseRanges.
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createChunkParser } from './chunk-parser.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { ParsedChunk } from './chunk-parser.ts';
import { readRangeLines } from './read-range-lines.ts';
import type { RangeLines } from './read-range-lines.ts';
import { lightEvents } from './light-events.ts';
import type { ParseWorkerData, RangeAnswer, RangeTask } from './worker-protocol.ts';

const data = workerData as ParseWorkerData;
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
const parse = createChunkParser(data.format, data.parserOptions);
const lighten = data.fields ? lightEvents(data.fields, data.format) : undefined;
/** Read of a last line without a newline: the single-thread reader hands it on after all the others. */
const LAST_READ = Number.MAX_SAFE_INTEGER;

port.on('message', (task: RangeTask) => {
  // Opened per task: a worker that is terminated leaves no descriptor open.
  const fd = openSync(data.path, 'r');
  let range: RangeLines;
  try {
    range = readRangeLines(fd, task);
  } finally {
    closeSync(fd);
  }
  const parsed = parseByRead(range);
  const times = Float64Array.from(parsed.times);
  const answer: RangeAnswer = {
    seq: task.seq,
    lines: range.lines.length,
    events: parsed.events,
    times,
    skipped: parsed.skipped,
    reads: parsed.reads,
  };
  port.postMessage(answer, [times.buffer]);
});

/**
 * Parses the lines in groups, one per read of the single-thread reader (the lines whose newline
 * falls in it), so the main thread can hand the engine the very batches that reader gives.
 */
function parseByRead(range: RangeLines): Omit<ParsedChunk, 'origins'> & { reads: number[] } {
  const all: Omit<ParsedChunk, 'origins'> & { reads: number[] } = {
    events: [],
    times: [],
    skipped: {},
    reads: [],
  };
  let from = 0;
  while (from < range.lines.length) {
    const read = readOf(range.ends[from] as number);
    let to = from + 1;
    while (to < range.lines.length && readOf(range.ends[to] as number) === read) to++;
    const lines = range.lines.slice(from, to);
    const chunk = parse(lines);
    for (let i = 0; i < chunk.events.length; i++) {
      const event = chunk.events[i] as SecurityEvent;
      all.events.push(lighten ? lighten(event, lines[chunk.origins[i] as number] as string) : event);
      all.times.push(chunk.times[i] as number);
    }
    for (const [reason, n] of Object.entries(chunk.skipped))
      all.skipped[reason] = (all.skipped[reason] ?? 0) + n;
    all.reads.push(read, chunk.events.length);
    from = to;
  }
  return all;
}

function readOf(end: number): number {
  return end === -1 ? LAST_READ : Math.floor(end / data.readBytes);
}
