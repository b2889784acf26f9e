import {
  JSON_LIMITS,
  parseIsoMillis,
  type SecurityEvent,
  READ_AS_UTC,
  type ZonelessTime,
} from '../../core/index.ts';
import { readEcsObject } from '../ndjson/index.ts';
import type { EmitEvent, LineParser } from '../parser.ts';
import { enrichWindowsEvent } from '../windows/index.ts';
import { MESSAGE_LABELS } from './message-labels.ts';
import { isRecordStart, readClassicRecord, type ClassicRecord } from './read-classic-record.ts';
import { readMessageFields } from './read-message-fields.ts';

export const NOT_A_RECORD = 'not-a-wineventlog-record';
export const TOO_LONG = 'too-long';
/** Lines of one event at most (4688 with a long command line has about 30). */
const MOST_LINES = 2000;
/** The names classic text gives the Security auditing provider, and the one Winlogbeat ships. */
const SECURITY_SOURCE_NAMES = new Set(['Microsoft Windows security auditing.', 'Security']);
const SECURITY_PROVIDER = 'Microsoft-Windows-Security-Auditing';
/** Events whose data Winlogbeat ships as user data (the log was cleared). */
const USER_DATA_CODES = new Set(['1102']);

/**
 * Windows events as rendered text: Splunk's classic `WinEventLog`, `wevtutil /f:text`, Event
 * Viewer's copied details (see readClassicRecord). An event is read when the next one starts, or
 * when the input ends (finish); each becomes the document Winlogbeat ships for it, its EventData
 * read back from the rendered message (message-labels.ts), and is mapped as the `windows` parser
 * maps Winlogbeat's. Lines before the first event are
 * `not-a-wineventlog-record`; an event longer than a line may be is dropped, its lines `too-long`;
 * events without an EventCode or a readable time are told in the notes. Times are read by `zoneless`.
 */
export function createWinEventLogParser(zoneless: ZonelessTime = READ_AS_UTC): LineParser {
  let open: string[] | undefined;
  let openLength = 0;
  let tooLong = false;
  const unread = new Map<string, number>();

  function close(emit: EmitEvent): void {
    const lines = open;
    open = undefined;
    if (lines === undefined || tooLong) return;
    const record = readClassicRecord(lines, zoneless);
    const event = typeof record === 'string' ? record : classicRecordEvent(record, lines.join('\n'));
    if (typeof event === 'string') {
      unread.set(event, (unread.get(event) ?? 0) + 1);
      return;
    }
    emit(event, parseIsoMillis(event['@timestamp']));
  }

  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (isRecordStart(text)) {
        close(emit);
        open = [text];
        openLength = text.length;
        tooLong = false;
        return null;
      }
      if (open === undefined) return NOT_A_RECORD;
      if (tooLong) return TOO_LONG;
      openLength += text.length + 1;
      if (openLength > JSON_LIMITS.maxLength || open.length >= MOST_LINES) {
        tooLong = true;
        return TOO_LONG;
      }
      open.push(text);
      return null;
    },
    finish(emit) {
      close(emit);
    },
    notes() {
      return [...unread].map(
        ([reason, count]) => `${count} event${count === 1 ? '' : 's'} skipped: ${reason}`,
      );
    },
  };
}

/**
 * The event Winlogbeat would ship for a record of Windows' rendered text, mapped as the `windows`
 * parser maps Winlogbeat's; or why the document is unreadable. `original` is its text.
 */
export function classicRecordEvent(record: ClassicRecord, original: string): SecurityEvent | string {
  const event = readEcsObject(toWinlogbeatDocument(record, original));
  if (typeof event === 'string') return event;
  enrichWindowsEvent(event);
  return event;
}

/** The document Winlogbeat ships for the event (before its ECS mapping). */
function toWinlogbeatDocument(record: ClassicRecord, original: string): Record<string, unknown> {
  const { header } = record;
  const code = header.get('EventCode') as string;
  const sourceName = header.get('SourceName');
  const provider =
    sourceName === undefined || SECURITY_SOURCE_NAMES.has(sourceName) ? SECURITY_PROVIDER : sourceName;
  const [summary = '', ...body] = record.message;
  const data = readMessageFields(body, MESSAGE_LABELS.get(code));
  const winlog: Record<string, unknown> = { event_id: code, provider_name: provider };
  const channel = header.get('LogName');
  if (channel !== undefined) winlog.channel = channel;
  const computer = header.get('ComputerName');
  if (computer !== undefined) winlog.computer_name = computer;
  const recordNumber = header.get('RecordNumber');
  if (recordNumber !== undefined && /^\d{1,19}$/.test(recordNumber)) winlog.record_id = Number(recordNumber);
  const keywords = header.get('Keywords');
  if (keywords !== undefined) winlog.keywords = [keywords];
  const task = header.get('TaskCategory');
  if (task !== undefined) winlog.task = task;
  if (USER_DATA_CODES.has(code)) winlog.user_data = data;
  else winlog.event_data = data;
  const doc: Record<string, unknown> = {
    '@timestamp': new Date(record.time).toISOString(),
    event: { kind: 'event', code, provider, original },
    winlog,
    message: [summary.trim(), ...body].join('\n').trim(),
  };
  if (computer !== undefined) doc.host = { name: computer };
  return doc;
}
