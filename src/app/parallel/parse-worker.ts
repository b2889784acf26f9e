// Worker thread entry: parses the byte ranges of one file that the main thread sends, and answers
// each with its events in a compact form (see transfer-codec.ts). Started by ParsePool.
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createChunkParser } from './chunk-parser.ts';
import { readRangeLines } from './read-range-lines.ts';
import { encodeEvents } from './transfer-codec.ts';
import type { ParseWorkerData, RangeAnswer, RangeTask } from './worker-protocol.ts';

const data = workerData as ParseWorkerData;
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
const parse = createChunkParser(data.format, data.parserOptions);

port.on('message', (task: RangeTask) => {
  // Opened per task: a worker that is terminated leaves no descriptor open.
  const fd = openSync(data.path, 'r');
  let lines: string[];
  try {
    lines = readRangeLines(fd, task);
  } finally {
    closeSync(fd);
  }
  const chunk = parse(lines);
  const times = Float64Array.from(chunk.times);
  const answer: RangeAnswer = {
    seq: task.seq,
    lines: lines.length,
    events: encodeEvents(chunk.events),
    times,
    skipped: chunk.skipped,
  };
  port.postMessage(answer, [times.buffer]);
});
