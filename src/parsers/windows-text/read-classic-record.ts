import { READ_AS_UTC, type ZonelessTime } from '../../core/index.ts';
import { utcMillis } from '../utc-millis.ts';

/**
 * One Windows event as text, in one of three forms: Splunk's classic `WinEventLog` (a local time
 * line, `Key=Value` header lines: `LogName`, `SourceName`, `EventCode`, `ComputerName`,
 * `RecordNumber`, `Keywords`, ..., then `Message=` and the message Windows renders for a person),
 * `wevtutil qe /f:text` (`Event[N]:`, indented `Key: Value` lines, `Description:` and the message),
 * or Event Viewer's "Copy details as text" (the same from `Log Name:` on). The header is given by
 * the classic form's names. An event runs to the next one's first line.
 */
export interface ClassicRecord {
  /** Epoch milliseconds, the time line read as UTC (it carries no zone). */
  time: number;
  header: Map<string, string>;
  message: string[];
}

export const NO_EVENT_CODE = 'wineventlog-without-code';
export const BAD_TIME = 'wineventlog-bad-time';

/** Splunk's time line, which starts each of its events: US English, month first. */
const TIME_LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))?$/;
/**
 * A date and time as Windows writes them in the culture of the machine (Event Viewer's CSV and
 * copied details, PowerShell's Export-Csv): `3/4/2024 10:00:05 PM`, `04/03/2024 22:00:05`,
 * `04.03.2024 22:00:05`, `4-3-2024 22:00:05`, `2024-03-04 22:00:05`, `2024/03/04 22:00:05`,
 * `4/03/2024 10:00:05 pm`.
 */
const CULTURE_TIME =
  /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AaPp])\.?[Mm]\.?)?$/;
const HEADER_KEY = /^[A-Za-z_]{1,40}$/;

/** wevtutil's `/f:text` numbers its events: `Event[0]:`. */
const WEVTUTIL_START = /^Event\[\d{1,12}\]:$/;
/** Event Viewer's "Copy details as text" starts with the log's name. */
const COPY_START = 'Log Name: ';
/** The `Key: Value` header of the text forms, by the name the classic form gives each. */
const TEXT_HEADER: Record<string, string> = {
  'Log Name': 'LogName',
  Source: 'SourceName',
  'Event ID': 'EventCode',
  Computer: 'ComputerName',
  Task: 'TaskCategory',
  'Task Category': 'TaskCategory',
  Keyword: 'Keywords',
  Keywords: 'Keywords',
  Date: 'Date',
};
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;

/**
 * Whether `line` starts an event: Splunk's time line, wevtutil's `Event[N]:`, or the `Log Name:`
 * that begins Event Viewer's copied details.
 */
export function isRecordStart(line: string): boolean {
  if (line.length > 300) return false;
  return TIME_LINE.test(line) || WEVTUTIL_START.test(line) || line.startsWith(COPY_START);
}

/** The event whose lines these are, or why it is none. */
export function readClassicRecord(
  lines: readonly string[],
  zoneless: ZonelessTime = READ_AS_UTC,
): ClassicRecord | string {
  const first = lines[0] ?? '';
  const read = TIME_LINE.test(first) ? readSplunkForm(lines, zoneless) : readTextForm(lines, zoneless);
  if (typeof read === 'string') return read;
  if (!/^\d{1,5}$/.test(read.header.get('EventCode') ?? '')) return NO_EVENT_CODE;
  return read;
}

/** Splunk's form: the time line, `Key=Value` lines, `Message=` and the message. */
function readSplunkForm(lines: readonly string[], zoneless: ZonelessTime): ClassicRecord | string {
  const time = readSplunkTime(lines[0] ?? '', zoneless);
  if (time === undefined) return BAD_TIME;
  const header = new Map<string, string>();
  const message: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals) : '';
    if (!HEADER_KEY.test(key)) continue;
    const value = line.slice(equals + 1);
    if (key === 'Message') {
      message.push(value, ...lines.slice(index + 1));
      break;
    }
    if (!header.has(key)) header.set(key, value.trim());
  }
  return { time, header, message };
}

/**
 * wevtutil's `/f:text` and Event Viewer's copied details: `Key: Value` lines (indented by
 * wevtutil) with the time in `Date:`, then `Description:` and the message.
 */
function readTextForm(lines: readonly string[], zoneless: ZonelessTime): ClassicRecord | string {
  const header = new Map<string, string>();
  const message: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const text = (lines[index] as string).trim();
    const colon = text.indexOf(':');
    if (colon <= 0) continue;
    const label = text.slice(0, colon);
    const value = text.slice(colon + 1).trim();
    if (label === 'Description') {
      message.push(value, ...lines.slice(index + 1));
      break;
    }
    const key = Object.hasOwn(TEXT_HEADER, label) ? TEXT_HEADER[label] : undefined;
    if (key !== undefined && !header.has(key)) header.set(key, value);
  }
  const time = readWindowsTextTime(header.get('Date') ?? '', zoneless);
  if (time === undefined) return BAD_TIME;
  return { time, header, message };
}

/**
 * A time as Windows' text forms write it: ISO 8601 (`2024-03-04T10:00:05.123Z`), or in the machine's
 * culture (see CULTURE_TIME). A year written last leaves the order of day and month to tell: month
 * first after `/` with an upper-case AM or PM, as US English writes it; day first otherwise, as
 * English elsewhere (`04/03/2024 22:00:05`, `4/03/2024 10:00:05 pm`) and other languages write it.
 * Local and without a zone, it is read by `zoneless`, unless it ends in `Z`.
 */
export function readWindowsTextTime(line: string, zoneless: ZonelessTime = READ_AS_UTC): number | undefined {
  const iso = ISO_TIME.exec(line);
  if (iso !== null) {
    const [year, month, day, hour, minute, second] = sixNumbers(iso);
    const millis = Number((iso[7] ?? '0').slice(0, 3).padEnd(3, '0'));
    const time = validTime(year, month, day, hour, minute, second, millis);
    return time === undefined || line.endsWith('Z') ? time : zoneless(time);
  }
  const match = CULTURE_TIME.exec(line);
  if (match === null) return undefined;
  const [first, separator, second, third] = match.slice(1, 5) as [string, string, string, string];
  const [hour, minute, seconds] = match.slice(5, 8).map(Number) as [number, number, number];
  const meridiem = match[8];
  const usEnglish = separator === '/' && (meridiem === 'A' || meridiem === 'P') && /[AP]M$/.test(line);
  let date: [number, number, number];
  if (first.length === 4 && third.length <= 2) date = [Number(first), Number(second), Number(third)];
  else if (third.length !== 4 || first.length > 2) return undefined;
  else if (usEnglish) date = [Number(third), Number(first), Number(second)];
  else date = [Number(third), Number(second), Number(first)];
  const time = validTime(...date, twentyFourHour(hour, meridiem), minute, seconds, 0);
  return time === undefined ? undefined : zoneless(time);
}

/**
 * Splunk's time line, which Splunk writes month first whatever the machine's culture
 * (`01/02/2024 12:05:00 AM`; also in 24 hours), local and without a zone: read by `zoneless`.
 */
function readSplunkTime(line: string, zoneless: ZonelessTime): number | undefined {
  const match = TIME_LINE.exec(line);
  if (match === null) return undefined;
  const [month, day, year, hour, minute, second] = sixNumbers(match);
  const time = validTime(year, month, day, twentyFourHour(hour, match[7]), minute, second, 0);
  return time === undefined ? undefined : zoneless(time);
}

/** An hour of a 12-hour clock (`AM`/`PM`, either case) as 0-23; NaN for an hour it cannot write. */
function twentyFourHour(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return NaN;
  return (hour % 12) + (meridiem[0] === 'P' || meridiem[0] === 'p' ? 12 : 0);
}

/** The first six groups of a time's match, as numbers. */
function sixNumbers(match: RegExpExecArray): [number, number, number, number, number, number] {
  return match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
}

function validTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number | undefined {
  // Windows writes no leap second.
  const time = second > 59 ? NaN : utcMillis(year, month, day, hour, minute, second, millis);
  return Number.isNaN(time) ? undefined : time;
}
