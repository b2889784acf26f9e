import type { SecurityEvent } from '../core/index.ts';
import type { LineParser } from './parser.ts';

/**
 * A parser of a log whose every line stands alone (a web server's error log, MySQL's, vsftpd's):
 * `read` gives a line's record (with its time) or why it has none, `toEvent` the record's event.
 * A trailing carriage return is not part of the line.
 */
export function createRecordParser<T extends { time: number }>(
  read: (line: string) => T | string,
  toEvent: (line: string, record: T) => SecurityEvent,
  notes: () => string[] = () => [],
): LineParser {
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const record = read(text);
      if (typeof record === 'string') return record;
      emit(toEvent(text, record), record.time);
      return null;
    },
    notes,
  };
}
