import type { EventBatch } from './event-stream.ts';

interface Cursor {
  batches: AsyncIterator<EventBatch>;
  batch: EventBatch;
  index: number;
  /** Time of the stream's first event: of two heads at the same time, the older file's goes first. */
  start: number;
}

/**
 * Merges event streams from several files by `@timestamp`, so that files covering the same
 * period are read as one timeline. Each stream must be in time order by itself (replay sorts
 * each file first, see sortByTime). Events of the same time in two files go in the order of the
 * files' first events, so rotated parts of one log (`auth.log auth.log.1 auth.log.2.gz`, in any
 * order) read exactly as the log did.
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
      start: 0,
    };
    if (await refill(cursor)) {
      cursor.start = headTime(cursor);
      cursors.push(cursor);
    }
  }
  while (cursors.length > 0) {
    let first = 0;
    for (let i = 1; i < cursors.length; i++) {
      if (comesFirst(cursors[i] as Cursor, cursors[first] as Cursor)) first = i;
    }
    const cursor = cursors[first] as Cursor;
    const { below, upTo } = limitsFor(cursor, cursors);
    const { events, times } = cursor.batch;
    let end = cursor.index + 1;
    while (end < events.length && (times[end] as number) < below && (times[end] as number) <= upTo) end++;
    yield {
      events: events.slice(cursor.index, end),
      times: times.slice(cursor.index, end),
      source: cursor.batch.source,
    };
    cursor.index = end;
    if (cursor.index >= events.length && !(await refill(cursor))) cursors.splice(first, 1);
  }
}

/** How far `cursor` may read before another stream's head must go first (ties: see comesFirst). */
function limitsFor(cursor: Cursor, cursors: readonly Cursor[]): { below: number; upTo: number } {
  let below = Infinity;
  let upTo = Infinity;
  for (const other of cursors) {
    if (other === cursor) continue;
    if (cursor.start <= other.start) upTo = Math.min(upTo, headTime(other));
    else below = Math.min(below, headTime(other));
  }
  return { below, upTo };
}

function comesFirst(a: Cursor, b: Cursor): boolean {
  const difference = headTime(a) - headTime(b);
  return difference < 0 || (difference === 0 && a.start < b.start);
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
