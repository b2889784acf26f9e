// Worker thread entry: parses the byte ranges of one file that the main thread sends, and answers
// each with its events: light ones as columns when the rules say what they read (see
// light-columns.ts), so that the main thread copies and walks little more than the values rules
// read. Answers go to the port in the worker data (the main thread can poll it without waiting),
// after a first `ready` once the modules are loaded. Started by parseRanges.
import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { createRangeParser } from './chunk-parser.ts';
import { LightColumnWriter } from './light-columns.ts';
import { parseRange } from './parse-range.ts';
import type { ParseWorkerData, RangeTask } from './worker-protocol.ts';

const data = workerData as ParseWorkerData & { answers?: MessagePort };
const tasks = parentPort;
const answers = data.answers ?? tasks;
if (!tasks || !answers) throw new Error('parse-worker.ts runs only as a worker thread');
const parser = createRangeParser(data.format, data.parserOptions, data.fields);
const writer = data.fields ? new LightColumnWriter(data.fields) : undefined;

tasks.on('message', (task: RangeTask) => {
  const answer = parseRange(data.path, task, parser, data.readBytes, writer);
  const transfer: ArrayBuffer[] = [answer.times.buffer as ArrayBuffer];
  if (writer) {
    const taken = writer.take();
    answer.light = taken.columns;
    transfer.push(...taken.transfer);
  }
  answers.postMessage(answer, transfer);
});
answers.postMessage({ ready: true });
