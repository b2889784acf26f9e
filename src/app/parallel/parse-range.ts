import { closeSync, openSync } from 'node:fs';
import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser } from '../../parsers/index.ts';
import type { LightColumnWriter } from './light-columns.ts';
import { lineOf, readRangeParts } from './read-range-lines.ts';
import type { RangeAnswer, RangeTask } from './worker-protocol.ts';

/** Read of a last line without a newline: the single-thread reader hands it on after all the others. */
const LAST_READ = Number.MAX_SAFE_INTEGER;

/**
 * Reads and parses the lines that begin in one range of a file, noting how many events each read
 * of the single-thread reader gives (`readBytes`, the lines whose newline falls in it), so that the
 * main thread can hand the engine the very batches that reader gives. With a writer, the events go
 * into its columns (light events); without, they are in the answer (whole events, no `fields`).
 */
export function parseRange(
  path: string,
  task: RangeTask,
  parser: LineParser,
  readBytes: number,
  writer?: LightColumnWriter,
): RangeAnswer {
  // Opened per task: a worker that is terminated leaves no descriptor open.
  const fd = openSync(path, 'r');
  let range;
  try {
    range = readRangeParts(fd, task);
  } finally {
    closeSync(fd);
  }
  const { ends, starts, bytes } = range;
  const count = ends.length;
  let line = '';
  const times: number[] = [];
  const events: SecurityEvent[] = [];
  const skipped: Record<string, number> = {};
  const reads: number[] = [];
  let index = 0;
  const emit = (event: SecurityEvent, ts: number): void => {
    times.push(ts);
    if (writer) writer.add(event, line, starts[index] as number, bytes[index] as number);
    else events.push(event);
    reads[reads.length - 1] = (reads[reads.length - 1] as number) + 1;
  };
  let lastRead = -1;
  // Columns keep only the selected fields of an event, which is dropped once written.
  const parseUnkept = writer && (parser.parseLineUnkept ?? parser.parseLine);
  for (; index < count; index++) {
    const end = ends[index] as number;
    const read = end === -1 ? LAST_READ : Math.floor(end / readBytes);
    if (read !== lastRead) reads.push((lastRead = read), 0);
    line = lineOf(range, index);
    const reason = parseUnkept
      ? parseUnkept.call(parser, line, emit, range.buffer, range.begins[index], bytes[index])
      : parser.parseLine(line, emit);
    if (reason !== null) skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  const answer: RangeAnswer = {
    seq: task.seq,
    lines: count,
    times: Float64Array.from(times),
    skipped,
    reads,
  };
  if (!writer) answer.events = events;
  return answer;
}
