import { stat } from 'node:fs/promises';
import type { OpenOptions } from './event-stream.ts';
import { DEFAULT_TOLERANCE_MS } from '../detection/index.ts';
import { openEventStream } from './event-stream.ts';
import { guardEventTimes } from './guard-event-times.ts';

/** Sorting holds a file's events in memory: a few times its size. */
export const DEFAULT_SORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Formats whose files are exports, often not in time order (EVTX, Winlogbeat or ECS documents); a
 * log that a daemon appends (sshd, access logs, Cowrie) is in order, and reading it twice to check
 * would halve replay's speed for nothing.
 */
const EXPORT_FORMATS: ReadonlySet<string> = new Set(['evtx', 'windows', 'ndjson']);

/**
 * How replay puts one file in time order (see sortByTime): an export of up to `sortMaxBytes` is read
 * once ahead, keeping only its times; if an event comes before one earlier in the file, the file is
 * sorted whole (Infinity), else it is read as it comes (0) and costs no memory. Larger files are
 * read as they come: events out of order within the engine's tolerance are still reordered.
 * Order is judged on the guarded times (see guardEventTimes), so a lone outlier dated far ahead does
 * not make a file sort: it is counted as `future` as the file streams; nor does disorder within the
 * engine's tolerance, which the engine puts in order itself. `knownFormat`: the format the file was
 * already found to have; a log format then costs no second opening of the file (sniffing it again).
 */
export async function chooseReorderWindow(
  path: string,
  options: Pick<OpenOptions, 'format' | 'year' | 'timeZone' | 'fields'>,
  sortMaxBytes = DEFAULT_SORT_MAX_BYTES,
  maxJumpMs?: number,
  toleranceMs = DEFAULT_TOLERANCE_MS,
  knownFormat?: string,
): Promise<number> {
  if (knownFormat !== undefined && !EXPORT_FORMATS.has(knownFormat)) return 0;
  if ((await stat(path)).size > sortMaxBytes) return 0;
  const ahead = await openEventStream(path, options);
  if (!EXPORT_FORMATS.has(ahead.format)) return 0;
  let latest = -Infinity;
  for await (const batch of guardEventTimes(ahead.batches, maxJumpMs).batches) {
    for (const ts of batch.times) {
      if (ts < latest - toleranceMs) return Infinity;
      if (ts > latest) latest = ts;
    }
  }
  return 0;
}
