import { JSON_LIMITS } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { classicRecordEvent, readWindowsTextTime } from '../windows-text/index.ts';
import { csvFields, endsInsideQuotes } from './csv-fields.ts';

export const NOT_WINDOWS_CSV = 'not-windows-csv';
export const WINDOWS_CSV_HEADER = 'windows-csv-header';
export const BAD_WINDOWS_CSV_RECORD = 'bad-windows-csv-record';
export const TOO_LONG = 'too-long';
/** Lines of one record at most (a 4688 with a long command line has about 30). */
const MOST_LINES = 2000;

/**
 * Event Viewer's "Save All Events As... CSV": a header naming the visible columns (`Level` or
 * `Keywords`, `Date and Time`, `Source`, `Event ID`, `Task Category`, in the order shown), then
 * one record per event with the rendered message as an unnamed last column, quoted, over many
 * lines.
 */
const HEADER = /^\uFEFF?(?:Level|Keywords),Date and Time,Source,Event ID,Task Category(?:,[^,"]{1,40})*$/;
const COLUMNS: Record<string, string> = {
  'Date and Time': 'Date',
  Source: 'SourceName',
  'Event ID': 'EventCode',
  'Task Category': 'TaskCategory',
  Keywords: 'Keywords',
  Computer: 'ComputerName',
};

export const windowsCsvParser: ParserDefinition = {
  format: 'windows-csv',
  description: "Windows events as Event Viewer saves them as CSV, mapped as Winlogbeat's documents are",
  sniff: (sample) => {
    const first = sample.find((line) => line.trim() !== '')?.replace(/\r$/, '');
    return first !== undefined && HEADER.test(first) ? 0.95 : 0;
  },
  create: createWindowsCsvParser,
};

/**
 * Each record becomes the event Winlogbeat ships, its EventData read back from the message as the
 * `wineventlog` parser reads Windows' rendered text, and is mapped as the `windows` parser maps
 * Winlogbeat's. Times are read as US English Windows writes them (month first), as UTC; the log's
 * name is not in the file: Security for the auditing provider's events. A record's lines are
 * counted once it is complete.
 */
function createWindowsCsvParser(): LineParser {
  let columns: string[] | undefined;
  let open: string[] | undefined;
  let openLength = 0;
  let inside = false;
  const unread = new Map<string, number>();

  function close(): ReturnType<typeof readRecord> {
    const lines = open as string[];
    open = undefined;
    return readRecord(columns as string[], lines.join('\n'));
  }

  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (open === undefined) {
        if (HEADER.test(text)) {
          columns = text.replace(/^\uFEFF/, '').split(',');
          return WINDOWS_CSV_HEADER;
        }
        if (columns === undefined) return NOT_WINDOWS_CSV;
        if (text.trim() === '') return null;
        open = [];
        openLength = 0;
        inside = false;
      }
      openLength += text.length + 1;
      if (openLength > JSON_LIMITS.maxLength || open.length >= MOST_LINES) {
        open = undefined;
        return TOO_LONG;
      }
      open.push(text);
      inside = endsInsideQuotes(text, inside);
      if (inside) return null;
      const event = close();
      if (typeof event === 'string') {
        unread.set(event, (unread.get(event) ?? 0) + 1);
        return null;
      }
      emit(event.event, event.time);
      return null;
    },
    finish() {
      if (open !== undefined)
        unread.set(BAD_WINDOWS_CSV_RECORD, (unread.get(BAD_WINDOWS_CSV_RECORD) ?? 0) + 1);
      open = undefined;
    },
    notes() {
      return [...unread].map(
        ([reason, count]) => `${count} record${count === 1 ? '' : 's'} skipped: ${reason}`,
      );
    },
  };
}

function readRecord(columns: readonly string[], text: string) {
  const fields = csvFields(text);
  if (fields === undefined || fields.length < columns.length) return BAD_WINDOWS_CSV_RECORD;
  const header = new Map<string, string>();
  columns.forEach((name, index) => {
    const key = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
    if (key !== undefined) header.set(key, (fields[index] as string).trim());
  });
  const level = fields[0] as string;
  if (columns[0] === 'Level' && /^Audit (Success|Failure)$/.test(level)) header.set('Keywords', level);
  if (!/^\d{1,5}$/.test(header.get('EventCode') ?? '')) return BAD_WINDOWS_CSV_RECORD;
  const time = readWindowsTextTime(header.get('Date') ?? '');
  if (time === undefined) return BAD_WINDOWS_CSV_RECORD;
  const source = header.get('SourceName');
  if (source === 'Microsoft-Windows-Security-Auditing') header.set('LogName', 'Security');
  const message = (fields[columns.length] ?? '').split(/\r?\n/);
  const event = classicRecordEvent({ time, header, message }, text);
  return typeof event === 'string' ? event : { event, time };
}
