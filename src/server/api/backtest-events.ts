import { InputError } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser } from '../../parsers/index.ts';
import { chooseParser, ndjsonParser } from '../../parsers/index.ts';
import type { Store } from '../../store/index.ts';

/** Events and their times (epoch ms), in time order. */
export interface TimedEvents {
  events: SecurityEvent[];
  times: number[];
}

/** More than this many events in the days tried is refused: the backtest runs in the request. */
export const MAX_BACKTEST_EVENTS = 200_000;
const JOURNAL_PAGE = 200;

/** Uploaded text (log lines or NDJSON, the format sniffed as `klaxon parse` does) as events. */
export function parseUploadedEvents(text: string, now: number): TimedEvents {
  const lines = text.split(/\r?\n/);
  const choice = chooseParser(lines);
  if (choice.kind === 'none') throw new InputError(`events: ${choice.message}`);
  const collected = collect();
  const parser = choice.parser.create({ referenceTime: now, inputName: 'upload' });
  for (const line of lines) collected.add(parser, line, () => true);
  return collected.sorted();
}

/** The events of the ingest journal (NDJSON) that fall in [from, to). */
export async function readStoredEvents(store: Store, from: number, to: number): Promise<TimedEvents> {
  const collected = collect();
  const parser = ndjsonParser.create({});
  const inRange = (ts: number) => ts >= from && ts < to;
  let after = 0;
  for (;;) {
    const batches = await store.ingestJournal.readAfter(after, JOURNAL_PAGE);
    if (batches.length === 0) break;
    for (const batch of batches) {
      for (const line of batch.eventsNdjson.split('\n')) collected.add(parser, line, inRange);
      after = batch.id;
    }
  }
  return collected.sorted();
}

function collect() {
  const pairs: Array<[number, SecurityEvent]> = [];
  return {
    add(parser: LineParser, line: string, keep: (ts: number) => boolean): void {
      if (line.trim() === '') return;
      parser.parseLine(line, (event, ts) => {
        if (Number.isNaN(ts) || !keep(ts)) return;
        if (pairs.length >= MAX_BACKTEST_EVENTS)
          throw new InputError(
            `events: more than ${MAX_BACKTEST_EVENTS} events; try fewer days or a smaller upload`,
          );
        pairs.push([ts, event]);
      });
    },
    sorted(): TimedEvents {
      pairs.sort((a, b) => a[0] - b[0]);
      return { events: pairs.map((pair) => pair[1]), times: pairs.map((pair) => pair[0]) };
    },
  };
}
