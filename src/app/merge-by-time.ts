import type { EventBatch } from './event-stream.ts';

interface Cursor {
  batches: AsyncIterator<EventBatch>;
  batch: EventBatch;
  index: number;
}

/**
 * Merges event streams from several files by `@timestamp`, so that files covering the same
 * period are read as one timeline. Each stream must be in time order by itself (replay sorts
 * each file first, see sortByTime).
 */
export async function* mergeByTime(streams: AsyncIterable<EventBatch>[]): AsyncGenerator<EventBatch> {
  if (streams.length === 1) {
    yield* streams[0] as AsyncIterable<EventBatch>;
    return;
  }
  const cursors: Cursor[] = [];
  for (const stream of streams) {
    const cursor: Cursor = {
      batches: stream[Symbol.asyncIterator](),
      batch: { events: [], times: [], source: 0 },
      index: 0,
    };
    if (await refill(cursor)) cursors.push(cursor);
  }
  while (cursors.length > 0) {
    let first = 0;
    for (let i = 1; i < cursors.length; i++) {
      if (headTime(cursors[i] as Cursor) < headTime(cursors[first] as Cursor)) first = i;
    }
    const cursor = cursors[first] as Cursor;
    let limit = Infinity;
    for (let i = 0; i < cursors.length; i++)
      if (i !== first) limit = Math.min(limit, headTime(cursors[i] as Cursor));
    const { events, times } = cursor.batch;
    let end = cursor.index + 1;
    while (end < events.length && (times[end] as number) <= limit) end++;
    yield {
      events: events.slice(cursor.index, end),
      times: times.slice(cursor.index, end),
      source: cursor.batch.source,
    };
    cursor.index = end;
    if (cursor.index >= events.length && !(await refill(cursor))) cursors.splice(first, 1);
  }
}

function headTime(cursor: Cursor): number {
  const ts = cursor.batch.times[cursor.index] as number;
  return Number.isNaN(ts) ? -Infinity : ts;
}

async function refill(cursor: Cursor): Promise<boolean> {
  for (;;) {
    const next = await cursor.batches.next();
    if (next.done) return false;
    if (next.value.events.length > 0) {
      cursor.batch = next.value;
      cursor.index = 0;
      return true;
    }
  }
}
