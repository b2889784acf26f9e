/**
 * Splunk's classic `WinEventLog` text of one event: a local time line, `Key=Value` header lines
 * (`LogName`, `SourceName`, `EventCode`, `ComputerName`, `RecordNumber`, `Keywords`, ...), then
 * `Message=` and the message Windows renders for a person, to the next event's time line.
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

/** Whether `line` is the time line that starts an event. */
export function isRecordStart(line: string): boolean {
  return line.length <= 32 && TIME_LINE.test(line);
}

/** The event whose lines these are, or why it is none. */
export function readClassicRecord(lines: readonly string[]): ClassicRecord | string {
  const time = readTime(lines[0] ?? '');
  if (time === undefined) return BAD_TIME;
  const header = new Map<string, string>();
  let index = 1;
  const message: string[] = [];
  for (; index < lines.length; index++) {
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
  if (!/^\d{1,5}$/.test(header.get('EventCode') ?? '')) return NO_EVENT_CODE;
  return { time, header, message };
}

function readTime(line: string): number | undefined {
  const match = TIME_LINE.exec(line);
  if (match === null) return undefined;
  const [month, day, year, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (minute > 59 || second > 59) return undefined;
  let hours = hour;
  const meridiem = match[7];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hours = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  } else if (hour > 23) return undefined;
  const time = Date.UTC(year, month - 1, day, hours, minute, second);
  const date = new Date(time);
  // Date.UTC rolls 02/30 over into March: such a date is no date.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : undefined;
}
