import { JSON_LIMITS, zonelessTimeIn, type ZonelessTime } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { classicRecordEvent, readWindowsTextTime } from '../windows-text/index.ts';
import { csvFields, endsInsideQuotes } from '../csv-fields.ts';

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
const EVENT_VIEWER_HEADER =
  /^\uFEFF?(?:Level|Keywords),Date and Time,Source,Event ID,Task Category(?:,[^,"]{1,40})*$/;
/**
 * PowerShell's `Get-WinEvent | Export-Csv` (after 5.1's `#TYPE` line): the record's properties,
 * quoted, `Message` among them.
 */
const POWERSHELL_COLUMNS = ['Message', 'Id', 'ProviderName', 'TimeCreated'];
/** Both forms' columns, by the name the classic text form gives each. */
const COLUMNS: Record<string, string> = {
  'Date and Time': 'Date',
  Source: 'SourceName',
  'Event ID': 'EventCode',
  'Task Category': 'TaskCategory',
  Keywords: 'Keywords',
  Computer: 'ComputerName',
  TimeCreated: 'Date',
  ProviderName: 'SourceName',
  Id: 'EventCode',
  TaskDisplayName: 'TaskCategory',
  LogName: 'LogName',
  MachineName: 'ComputerName',
  RecordId: 'RecordNumber',
};
const AUDIT_KEYWORD = /^Audit (?:Success|Failure)$/;
/** PowerShell's Keywords: the audit bits (0x8010..., 0x8020...) as a signed 64-bit number. */
const KEYWORD_NUMBERS = new Map([
  ['-9218868437227405312', 'Audit Failure'],
  ['-9214364837600034816', 'Audit Success'],
]);

/** The columns a header names, and which holds the message. */
interface CsvColumns {
  names: string[];
  message: number;
}

/** The columns of a header line of either form, or undefined when the line is none. */
function readHeader(line: string): CsvColumns | undefined {
  const text = line.replace(/^\uFEFF/, '');
  if (EVENT_VIEWER_HEADER.test(text)) {
    const names = text.split(',');
    return { names, message: names.length };
  }
  if (!text.startsWith('"') || text.length > 4096) return undefined;
  const names = csvFields(text);
  if (names === undefined || !POWERSHELL_COLUMNS.every((name) => names.includes(name))) return undefined;
  return { names, message: names.indexOf('Message') };
}

export const windowsCsvParser: ParserDefinition = {
  format: 'windows-csv',
  description:
    "Windows events as Event Viewer saves them as CSV or PowerShell's Export-Csv writes them, mapped as Winlogbeat's documents are",
  sniff: (sample) => {
    const first = sample.find((line) => line.trim() !== '')?.replace(/\r$/, '');
    return first !== undefined && readHeader(first) !== undefined ? 0.95 : 0;
  },
  create: (options) => createWindowsCsvParser(zonelessTimeIn(options.timeZone)),
};

/**
 * Each record becomes the event Winlogbeat ships, its EventData read back from the message as the
 * `wineventlog` parser reads Windows' rendered text, and is mapped as the `windows` parser maps
 * Winlogbeat's. Times are read as US English Windows writes them (month first), by `zoneless`; the log's
 * name is not in the file: Security for the auditing provider's events. A record's lines are
 * counted once it is complete.
 */
function createWindowsCsvParser(zoneless: ZonelessTime): LineParser {
  let columns: CsvColumns | undefined;
  let open: string[] | undefined;
  let openLength = 0;
  let inside = false;
  /** Lines of a record dropped as too long, followed to its closing quote. */
  let skipping = false;
  const unread = new Map<string, number>();

  function close(): ReturnType<typeof readRecord> {
    const lines = open as string[];
    open = undefined;
    return readRecord(columns as CsvColumns, lines.join('\n'), zoneless);
  }

  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (skipping) {
        inside = endsInsideQuotes(text, inside);
        skipping = inside;
        return TOO_LONG;
      }
      if (open === undefined) {
        const header = readHeader(text);
        if (header !== undefined) {
          columns = header;
          return WINDOWS_CSV_HEADER;
        }
        if (columns === undefined) return NOT_WINDOWS_CSV;
        if (text.trim() === '') return null;
        open = [];
        openLength = 0;
        inside = false;
      }
      openLength += text.length + 1;
      inside = endsInsideQuotes(text, inside);
      if (openLength > JSON_LIMITS.maxLength || open.length >= MOST_LINES) {
        open = undefined;
        skipping = inside;
        return TOO_LONG;
      }
      open.push(text);
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

function readRecord(columns: CsvColumns, text: string, zoneless: ZonelessTime) {
  const fields = csvFields(text);
  const { names, message } = columns;
  if (fields === undefined || fields.length < Math.max(names.length, message + 1))
    return BAD_WINDOWS_CSV_RECORD;
  const header = new Map<string, string>();
  names.forEach((name, index) => {
    const key = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
    if (key !== undefined && index !== message) header.set(key, (fields[index] as string).trim());
  });
  // Event Viewer's Level column holds the keyword for audit events; PowerShell's Keywords a number.
  const written = header.get('Keywords') ?? '';
  const keyword = [fields[0], written, KEYWORD_NUMBERS.get(written)].find(
    (value) => value !== undefined && AUDIT_KEYWORD.test(value),
  );
  if (keyword !== undefined) header.set('Keywords', keyword);
  else header.delete('Keywords');
  if (!/^\d{1,5}$/.test(header.get('EventCode') ?? '')) return BAD_WINDOWS_CSV_RECORD;
  const time = readWindowsTextTime(header.get('Date') ?? '', zoneless);
  if (time === undefined) return BAD_WINDOWS_CSV_RECORD;
  if (!header.has('LogName') && header.get('SourceName') === 'Microsoft-Windows-Security-Auditing')
    header.set('LogName', 'Security');
  const event = classicRecordEvent(
    { time, header, message: (fields[message] as string).split(/\r?\n/) },
    text,
  );
  return typeof event === 'string' ? event : { event, time };
}
