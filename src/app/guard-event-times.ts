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
      const { events, times } = batch;
      source = batch.source;
      let admitted = 0;
      while (admitted < events.length && time.admitsAtOnce(times[admitted] as number)) admitted++;
      if (admitted === events.length) {
        yield batch;
        continue;
      }
      out = { events: events.slice(0, admitted), times: times.slice(0, admitted), source };
      for (let i = admitted; i < events.length; i++)
        time.push(events[i] as SecurityEvent, times[i] as number, emit);
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
