import type { EventBatch } from './event-stream.ts';

/** What putting one file's events in time order did, for the replay summary. */
export interface TimeOrder {
  events: number;
  /** Events earlier than an event before them in the file. */
  outOfOrder: number;
  /** Whether the events were sorted (they are only when some were out of order). */
  sorted: boolean;
  /** Set when the file had more events than the sort may hold: then it was read as it is. */
  tooLargeToSort?: boolean;
}

/** Events a sort may hold in memory, per file; beyond that the file is read in its own order. */
export const DEFAULT_SORT_LIMIT = 1_000_000;
const BATCH_SIZE = 1_000;

/**
 * Puts a bounded file's events in time order (stable: equal times keep their file order), so that
 * an export whose records are not in time order is not counted as late. Events are held until the
 * end of the file, or until `limit` of them are; a file that is already in order is passed on as
 * it is. Events without a valid time come first, where the engine counts them.
 */
export async function* sortByTime(
  batches: AsyncIterable<EventBatch>,
  order: TimeOrder,
  limit = DEFAULT_SORT_LIMIT,
): AsyncGenerator<EventBatch> {
  const held: EventBatch[] = [];
  let latest = -Infinity;
  const count = (batch: EventBatch): void => {
    for (const ts of batch.times) {
      order.events++;
      if (ts < latest) order.outOfOrder++;
      else if (ts > latest) latest = ts;
    }
  };
  const iterator = batches[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    count(next.value);
    held.push(next.value);
    if (order.events > limit) {
      order.tooLargeToSort = true;
      yield* held;
      for (next = await iterator.next(); !next.done; next = await iterator.next()) {
        count(next.value);
        yield next.value;
      }
      return;
    }
  }
  if (order.outOfOrder === 0) {
    yield* held;
    return;
  }
  order.sorted = true;
  yield* sortedBatches(held);
}

function* sortedBatches(held: EventBatch[]): Generator<EventBatch> {
  const events = held.flatMap((batch) => batch.events);
  const times = held.flatMap((batch) => batch.times);
  const source = held[0]?.source ?? 0;
  const keyOf = (i: number): number => (Number.isNaN(times[i] as number) ? -Infinity : (times[i] as number));
  const indexes = Array.from(events.keys()).sort((a, b) => keyOf(a) - keyOf(b) || a - b);
  for (let from = 0; from < indexes.length; from += BATCH_SIZE) {
    const slice = indexes.slice(from, from + BATCH_SIZE);
    yield {
      events: slice.map((i) => events[i] as EventBatch['events'][number]),
      times: slice.map((i) => times[i] as number),
      source,
    };
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
