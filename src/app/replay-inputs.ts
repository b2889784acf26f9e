import { stat } from 'node:fs/promises';
import type { EventBatch, EventStream } from './event-stream.ts';
import { openEventStream } from './event-stream.ts';
import type { GuardedTimes } from './guard-event-times.ts';
import { guardEventTimes } from './guard-event-times.ts';
import { chooseReorderWindow, DEFAULT_SORT_MAX_BYTES } from './choose-reorder-window.ts';
import type { ThreadsOption } from './parallel/choose-threads.ts';
import type { TimeOrder } from './sort-by-time.ts';
import { skipEvents, sortByTime } from './sort-by-time.ts';

/** How a replay reads its inputs (see ReplayOptions for each). */
export interface InputReading {
  format?: string | undefined;
  year?: number | undefined;
  timeZone?: string | undefined;
  toleranceMs?: number | undefined;
  maxJumpMs?: number | undefined;
  sortMaxBytes?: number | undefined;
  threads?: ThreadsOption | undefined;
  rangeBytes?: number | undefined;
  mainThreadParses?: boolean | undefined;
  batchLines?: number | undefined;
  /** The fields the rules read (selective parsers), and those light events keep; undefined: whole. */
  fields: readonly string[] | undefined;
  lightFields: string[] | undefined;
}

/** One input, opened: its stream, how its events were put in time order, and its guarded times. */
export interface ReplayInput {
  stream: EventStream;
  order: TimeOrder;
  guard: GuardedTimes;
  /** Its batches in time order, guarded, past the events a resumed replay had processed. */
  batches: AsyncGenerator<EventBatch>;
}

/**
 * Opens each input in time order, its times guarded against outliers (positions count events in
 * the order that gives), ready to be merged by time. A file that streams is guarded before its
 * order is counted, so a lone outlier is `future`, not a file out of order; a sorted one is
 * guarded after.
 */
export async function openReplayInputs(
  paths: readonly string[],
  reading: InputReading,
  positions: readonly number[] | undefined,
): Promise<ReplayInput[]> {
  const { format, year, timeZone, threads, rangeBytes, mainThreadParses, batchLines, fields, lightFields } =
    reading;
  const inputs: ReplayInput[] = [];
  for (const [source, path] of paths.entries()) {
    const options = {
      format,
      year,
      timeZone,
      threads,
      rangeBytes,
      mainThreadParses,
      fields,
      lightFields,
      batchLines,
    };
    const stream = await openEventStream(path, { ...options, source });
    const order: TimeOrder = { events: 0, outOfOrder: 0, sorted: false, beyondWindow: 0 };
    const window = await chooseReorderWindow(
      path,
      // Only the times are read ahead, on the main thread.
      { format, year, timeZone, fields: fields && [] },
      reading.sortMaxBytes,
      reading.maxJumpMs,
      reading.toleranceMs,
      stream.format,
    );
    if (window === 0 && (await stat(path)).size > (reading.sortMaxBytes ?? DEFAULT_SORT_MAX_BYTES))
      order.tooLarge = true;
    const guard =
      window <= 0
        ? guardEventTimes(stream.batches, reading.maxJumpMs)
        : guardEventTimes(sortByTime(stream.batches, order, window), reading.maxJumpMs);
    const inOrder = window <= 0 ? sortByTime(guard.batches, order, 0, reading.toleranceMs) : guard.batches;
    inputs.push({ stream, order, guard, batches: skipEvents(inOrder, positions?.[source] ?? 0) });
  }
  return inputs;
}
