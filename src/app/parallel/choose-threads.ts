import { availableParallelism } from 'node:os';
import type { LogEncoding } from '../../sources/index.ts';
import { PER_LINE_FORMATS } from './chunk-parser.ts';

/** `--threads`: a number of reading threads (the main thread among them), or `auto`. */
export type ThreadsOption = number | 'auto';

/** Below this size a file is read by the main thread: starting workers would cost more than they save. */
export const MIN_PARALLEL_BYTES = 16 * 1024 * 1024;
export const MAX_AUTO_THREADS = 4;
/**
 * Above this many kept fields `auto` keeps a file on the main thread: light events of a wide read
 * set (the ~190 fields of 180 SigmaHQ rules) cost the rules about twice the CPU whole events do
 * (bench/sigma.ts, 2026-12-05: 3.3 s vs 1.7 s for 200k Sysmon events), more than a worker saves.
 */
export const MAX_LIGHT_FIELDS = 64;

export interface ThreadsInput {
  size: number;
  /** gzip is one stream: only one thread can gunzip it, so it is read on the main thread. */
  encoding: LogEncoding;
  format: string;
  /** Whether workers may send light events (the rules say what they read, see fieldsToKeep). */
  light: boolean;
  /** How many fields light events keep. */
  lightFields?: number | undefined;
}

/**
 * How many threads read and parse a file: 1, the main thread alone; N, the main thread and N - 1
 * workers, which parse while the main thread detects (it parses too rather than wait for them).
 * Only plain files of per-line formats are split (see PER_LINE_FORMATS); `auto` uses one thread per
 * core up to MAX_AUTO_THREADS for files of MIN_PARALLEL_BYTES or more: on two cores, one worker
 * parses while the main thread detects (a second worker only competed with the main thread for
 * the cores). None on a single-core machine, nor when the events would cross whole (cloning a
 * whole document costs the main thread about what parsing it does) or keep very many fields.
 */
export function chooseThreads(
  option: ThreadsOption | undefined,
  input: ThreadsInput,
  cores = availableParallelism(),
): number {
  if (input.encoding !== 'plain' || !PER_LINE_FORMATS.has(input.format)) return 1;
  if (typeof option === 'number') return Math.max(1, Math.floor(option));
  if (cores < 2 || input.size < MIN_PARALLEL_BYTES || !input.light) return 1;
  if ((input.lightFields ?? 0) > MAX_LIGHT_FIELDS) return 1;
  return Math.min(cores, MAX_AUTO_THREADS);
}
