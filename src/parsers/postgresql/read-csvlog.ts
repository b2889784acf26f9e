import { csvFields, endsInsideQuotes } from '../csv-fields.ts';
import { NOT_POSTGRESQL, readPostgresqlTime, type PostgresqlLine } from './read-postgresql-line.ts';

/** A csvlog record of more lines or characters than these is dropped, to its closing quote. */
const MOST_LINES = 2_000;
const MOST_CHARACTERS = 1024 * 1024;

/** A csvlog record's first line: log_time, then the user name (quoted, or empty). */
const CSV_HEAD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? [A-Za-z0-9:+-]{1,6},(?:"|,)/;
/** csvlog's columns, from PostgreSQL 9 on: the first fourteen have not moved. */
const TIME = 0;
const PID = 3;
const CONNECTION_FROM = 4;
const MESSAGE = 13;

/** A csvlog record too long to keep, or one the input cut short. */
export const CSVLOG_TOO_LONG = 'too-long';
export const BAD_CSVLOG_RECORD = 'bad-postgresql-csvlog-record';

/** Whether a line starts a csvlog record. */
export function startsCsvlogRecord(line: string): boolean {
  return CSV_HEAD.test(line);
}

/**
 * Gathers csvlog records (`log_destination = 'csvlog'`), which span lines where a field holds a
 * line break: the fields are quoted, so what a client writes into one (a user name, a query) never
 * starts a record of its own. `take` answers each line: null while a record goes on, then the
 * record read (its time, process, `connection_from`'s host and its message), or why it is none.
 */
export function createCsvlogReader(): {
  /** Whether a record is open: the next line goes on with it. */
  readonly open: boolean;
  take(line: string): PostgresqlLine | string | null;
} {
  let lines: string[] | undefined;
  let characters = 0;
  let inside = false;
  let skipping = false;
  return {
    get open() {
      return lines !== undefined || skipping;
    },
    take(line) {
      if (skipping) {
        inside = endsInsideQuotes(line, inside);
        skipping = inside;
        return CSVLOG_TOO_LONG;
      }
      lines ??= [];
      characters += line.length + 1;
      inside = endsInsideQuotes(line, inside);
      if (characters > MOST_CHARACTERS || lines.length >= MOST_LINES) {
        lines = undefined;
        characters = 0;
        skipping = inside;
        return CSVLOG_TOO_LONG;
      }
      lines.push(line);
      if (inside) return null;
      const record = lines.join('\n');
      lines = undefined;
      characters = 0;
      return readCsvlogRecord(record);
    },
  };
}

function readCsvlogRecord(record: string): PostgresqlLine | string {
  const fields = csvFields(record);
  if (fields === undefined || fields.length <= MESSAGE) return BAD_CSVLOG_RECORD;
  const time = readPostgresqlTime(fields[TIME] as string);
  if (time === undefined) return NOT_POSTGRESQL;
  const pid = /^\d{1,10}$/.test(fields[PID] as string) ? Number(fields[PID]) : undefined;
  const client = hostOf(fields[CONNECTION_FROM] as string);
  return { ...time, pid, messages: [fields[MESSAGE] as string], client, original: record };
}

/** `connection_from`'s host: `HOST:PORT` (IPv6 unbracketed), or `[local]`; undefined when empty. */
function hostOf(connection: string): string | undefined {
  if (connection === '') return undefined;
  const colon = connection.lastIndexOf(':');
  return colon > 0 && /^\d{1,5}$/.test(connection.slice(colon + 1)) ? connection.slice(0, colon) : connection;
}
