import type { SecurityEvent } from '../core/index.ts';

interface Cursor {
  batches: AsyncIterator<SecurityEvent[]>;
  batch: SecurityEvent[];
  index: number;
  times: number[];
}

/**
 * Merges event streams from several files by `@timestamp`, so that files covering the same
 * period are read as one timeline. Each file is assumed to be roughly in order by itself.
 */
export async function* mergeByTime(
  streams: AsyncIterable<SecurityEvent[]>[],
): AsyncGenerator<SecurityEvent[]> {
  if (streams.length === 1) {
    yield* streams[0] as AsyncIterable<SecurityEvent[]>;
    return;
  }
  const cursors: Cursor[] = [];
  for (const stream of streams) {
    const cursor: Cursor = { batches: stream[Symbol.asyncIterator](), batch: [], index: 0, times: [] };
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
    const out: SecurityEvent[] = [];
    while (cursor.index < cursor.batch.length && (cursor.times[cursor.index] as number) <= limit) {
      out.push(cursor.batch[cursor.index++] as SecurityEvent);
    }
    if (out.length === 0) out.push(cursor.batch[cursor.index++] as SecurityEvent);
    yield out;
    if (cursor.index >= cursor.batch.length && !(await refill(cursor))) cursors.splice(first, 1);
  }
}

function headTime(cursor: Cursor): number {
  return cursor.times[cursor.index] as number;
}

async function refill(cursor: Cursor): Promise<boolean> {
  const next = await cursor.batches.next();
  if (next.done) return false;
  cursor.batch = next.value;
  cursor.index = 0;
  cursor.times = next.value.map((event) => {
    const ts = Date.parse(event['@timestamp']);
    return Number.isNaN(ts) ? -Infinity : ts;
  });
  return cursor.batch.length > 0 || refill(cursor);
}
