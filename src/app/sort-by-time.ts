import type { SecurityEvent } from '../core/index.ts';
import type { EventBatch } from './event-stream.ts';
import { TimeHeap } from './time-heap.ts';

/** What putting one file's events in time order did, for the replay summary. */
export interface TimeOrder {
  events: number;
  /** Events earlier than an event before them in the file. */
  outOfOrder: number;
  /** Whether events were reordered (only when some were out of order). */
  sorted: boolean;
  /** Events displaced by more than the reorder window: handed on out of order. */
  beyondWindow: number;
  /** Whether the file was read in file order because it is too large to sort in memory. */
  tooLarge?: boolean;
}

const BATCH_SIZE = 1_000;

/**
 * Puts a file's events in time order through a heap of `window` events (stable: equal times keep
 * their file order; events without a valid time go first, where the engine counts them), so that
 * an export whose records are not in time order is not counted as late. `Infinity` sorts the whole
 * file; 0 hands events on as they come and only counts those out of order by more than
 * `toleranceMs` (the engine puts the others in order itself).
 */
export async function* sortByTime(
  batches: AsyncIterable<EventBatch>,
  order: TimeOrder,
  window: number,
  toleranceMs = 0,
): AsyncGenerator<EventBatch> {
  if (window <= 0) {
    yield* countOrder(batches, order, toleranceMs);
    return;
  }
  const heap = new TimeHeap();
  let latestIn = -Infinity;
  let latestOut = -Infinity;
  let source = 0;
  let out: EventBatch = { events: [], times: [], source };
  const release = (): void => {
    const entry = heap.pop();
    if (entry === undefined) return;
    if (entry.ts < latestOut) order.beyondWindow++;
    else latestOut = entry.ts;
    out.events.push(entry.event);
    out.times.push(entry.ts === -Infinity ? NaN : entry.ts);
  };
  for await (const batch of batches) {
    source = batch.source;
    for (let i = 0; i < batch.events.length; i++) {
      const ts = batch.times[i] as number;
      order.events++;
      if (ts < latestIn) order.outOfOrder++;
      else if (ts > latestIn) latestIn = ts;
      heap.push(batch.events[i] as SecurityEvent, ts);
      if (heap.size > window) release();
    }
    if (out.events.length >= BATCH_SIZE) {
      yield { ...out, source };
      out = { events: [], times: [], source };
    }
  }
  while (heap.size > 0) release();
  order.sorted = order.outOfOrder > 0;
  if (out.events.length > 0) yield { ...out, source };
}

async function* countOrder(
  batches: AsyncIterable<EventBatch>,
  order: TimeOrder,
  toleranceMs: number,
): AsyncGenerator<EventBatch> {
  let latest = -Infinity;
  for await (const batch of batches) {
    for (const ts of batch.times) {
      if (ts < latest - toleranceMs) order.outOfOrder++;
      else if (ts > latest) latest = ts;
    }
    order.events += batch.times.length;
    order.beyondWindow = order.outOfOrder;
    yield batch;
  }
}

/** Passes over the first `count` events: those a replay that was interrupted had processed. */
export async function* skipEvents(
  batches: AsyncIterable<EventBatch>,
  count: number,
): AsyncGenerator<EventBatch> {
  let toSkip = count;
  for await (const batch of batches) {
    if (toSkip >= batch.events.length) {
      toSkip -= batch.events.length;
      continue;
    }
    const from = toSkip;
    toSkip = 0;
    yield from === 0
      ? batch
      : { events: batch.events.slice(from), times: batch.times.slice(from), source: batch.source };
  }
}
