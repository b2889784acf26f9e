import { zonelessTimeIn, type SecurityEvent } from '../core/index.ts';
import type { LineParser } from './parser.ts';

/** A record's time: epoch ms of what the line wrote, read as UTC unless `zoned` (it wrote a zone). */
export interface RecordTime {
  time: number;
  zoned?: boolean;
}

/** A parser's options (its `timeZone`), and what it tells after a run. */
export interface RecordParserOptions {
  timeZone?: string | undefined;
  notes?: () => string[];
}

/** A date-time that ends with its time of day (`2024-03-04T10:00:01.123`): one written without a zone. */
const ENDS_IN_CLOCK = /\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?$/;
/** One that ends with its zone: `Z`, `+02:00` (which also ends like a clock), `+0200`, `-07`. */
const ENDS_IN_ZONE = /\d(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An ISO 8601 date-time as a record's time: as written when it names its zone or offset, else read
 * as UTC for the parser's zone to place (Date.parse alone would read it in this machine's zone).
 */
export function isoRecordTime(text: string): RecordTime {
  if (ENDS_IN_ZONE.test(text) || !ENDS_IN_CLOCK.test(text)) return { time: Date.parse(text), zoned: true };
  return { time: Date.parse(`${text}Z`), zoned: false };
}

/**
 * A parser of a log whose every line stands alone (a web server's error log, MySQL's, vsftpd's):
 * `read` gives a line's record (with its time) or why it has none, `toEvent` the record's event.
 * A trailing carriage return is not part of the line. A time written without a zone is read in
 * `options.timeZone` (see core/time-zone.ts) before `toEvent` sees it.
 */
export function createRecordParser<T extends RecordTime>(
  read: (line: string) => T | string,
  toEvent: (line: string, record: T) => SecurityEvent,
  options: RecordParserOptions = {},
): LineParser {
  const zoneless = zonelessTimeIn(options.timeZone);
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const record = read(text);
      if (typeof record === 'string') return record;
      if (record.zoned !== true) record.time = zoneless(record.time);
      emit(toEvent(text, record), record.time);
      return null;
    },
    notes: options.notes ?? (() => []),
  };
}
