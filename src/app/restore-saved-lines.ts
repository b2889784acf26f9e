import { resolve } from 'node:path';
import {
  InputError,
  SAVED_FORMAT,
  SAVED_LINE,
  SAVED_LINE_AT,
  SAVED_ORIGINAL_IS_LINE,
} from '../core/index.ts';
import { LineReader } from './parallel/read-range-lines.ts';

/** A line of Winlogbeat JSON is a few KB; anything near this is not a line a snapshot saved. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * An engine snapshot as the engine restores it: the lines of events it saved by where they are in
 * a replay's inputs (SAVED_LINE_AT) read back and put where a snapshot that held them had them.
 * The inputs were checked unchanged first (see loadUnfinishedReplay).
 */
export function restoreSavedLines(snapshot: string, inputs: readonly string[]): string {
  if (!snapshot.includes(`"${SAVED_LINE_AT}"`)) return snapshot;
  const readers = new Map(inputs.map((input) => [resolve(input), new LineReader(input)]));
  try {
    const parsed = JSON.parse(snapshot) as unknown;
    visit(parsed, readers);
    return JSON.stringify(parsed);
  } finally {
    for (const reader of readers.values()) reader.close();
  }
}

/**
 * Puts lines back in place, in the parsed snapshot. Only compact forms (with their format) are
 * read back: an object of an event's own data may carry any key. Values are changed in place, never
 * assigned by key, so that a field named `__proto__` stays a field.
 */
function visit(value: unknown, readers: Map<string, LineReader>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, readers);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) visit(record[key], readers);
  if (!Object.hasOwn(record, SAVED_LINE_AT) || typeof record[SAVED_FORMAT] !== 'string') return;
  const line = readSavedLine(record[SAVED_LINE_AT], readers);
  delete record[SAVED_LINE_AT];
  if (record[SAVED_ORIGINAL_IS_LINE] !== true) record[SAVED_LINE] = line;
  else {
    delete record[SAVED_ORIGINAL_IS_LINE];
    const event = record.event;
    record.event =
      typeof event === 'object' && event !== null ? { ...event, original: line } : { original: line };
  }
}

function readSavedLine(at: unknown, readers: Map<string, LineReader>): string {
  const [file, start, bytes] = Array.isArray(at) ? (at as unknown[]) : [];
  const reader = typeof file === 'string' ? readers.get(resolve(file)) : undefined;
  if (reader === undefined)
    throw new InputError(`the replay's checkpoint names a line in ${String(file)}, not one of its inputs`);
  if (!isCount(start) || !isCount(bytes) || bytes > MAX_LINE_BYTES)
    throw new InputError(`the replay's checkpoint names a line of ${reader.path} that is no line`);
  return reader.read(start, bytes);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
