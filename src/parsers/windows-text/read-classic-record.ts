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

const TIME_LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))?$/;
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
  const time = readWindowsTextTime(lines[0] ?? '', zoneless);
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
 * A time as Windows' text forms write it (`03/04/2024 10:00:05 AM`, month first, as US English
 * Windows does; `2024-03-04T10:00:05.123Z`): local and without a zone, read by `zoneless`, unless
 * it ends in `Z`.
 */
export function readWindowsTextTime(line: string, zoneless: ZonelessTime = READ_AS_UTC): number | undefined {
  const iso = ISO_TIME.exec(line);
  if (iso !== null) {
    const [year, month, day, hour, minute, second] = sixNumbers(iso);
    const millis = Number((iso[7] ?? '0').slice(0, 3).padEnd(3, '0'));
    const time = validTime(year, month, day, hour, minute, second, millis);
    return time === undefined || line.endsWith('Z') ? time : zoneless(time);
  }
  const match = TIME_LINE.exec(line);
  if (match === null) return undefined;
  const [month, day, year, hour, minute, second] = sixNumbers(match);
  let hours = hour;
  const meridiem = match[7];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hours = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const time = validTime(year, month, day, hours, minute, second, 0);
  return time === undefined ? undefined : zoneless(time);
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
