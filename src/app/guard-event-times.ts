import type { SecurityEvent } from '../core/index.ts';
import { CorroboratedTime } from '../detection/index.ts';
import type { EventBatch } from './event-stream.ts';

export interface GuardedTimes {
  batches: AsyncGenerator<EventBatch>;
  /** Events dated far beyond the rest of their input, handed on at the time of the event before them. */
  future: () => number;
}

/**
 * One input's batches with times no single outlier can move (see CorroboratedTime). Applied to
 * each file before the merge, so an outlier neither makes the rest late nor stalls its file there.
 */
export function guardEventTimes(batches: AsyncIterable<EventBatch>, maxJumpMs?: number): GuardedTimes {
  let future = 0;
  const time = new CorroboratedTime(maxJumpMs === undefined ? {} : { maxJumpMs });
  async function* guarded(): AsyncGenerator<EventBatch> {
    let source = 0;
    let out: EventBatch = { events: [], times: [], source };
    const emit = (event: SecurityEvent, ts: number, isFuture: boolean): void => {
      out.events.push(event);
      out.times.push(ts);
      if (isFuture) future++;
    };
    for await (const batch of batches) {
      source = batch.source;
      out.source = source;
      for (let i = 0; i < batch.events.length; i++)
        time.push(batch.events[i] as SecurityEvent, batch.times[i] as number, emit);
      if (out.events.length > 0) {
        yield out;
        out = { events: [], times: [], source };
      }
    }
    time.end(emit);
    if (out.events.length > 0) yield out;
  }
  return { batches: guarded(), future: () => future };
}
