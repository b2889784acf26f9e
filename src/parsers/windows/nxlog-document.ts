import { isObject } from '../../core/index.ts';

/**
 * NXLog's im_msvistalog (and the OTRF Security-Datasets recordings shipped through it) writes a
 * Windows event as one flat JSON object: `EventID`, `SourceName`, `Channel`, `Hostname`, `EventTime`
 * and the event data (`TargetUserName`, `IpAddress`, ...) side by side at the top level.
 */
export function isNxlogWindowsDocument(doc: Record<string, unknown>): boolean {
  if (isObject(doc.winlog) || eventIdOf(doc.EventID) === undefined) return false;
  return typeof doc.SourceName === 'string' || typeof doc.Channel === 'string';
}

/** NXLog's own fields about the record, none of them event data. */
const RECORD_FIELDS = new Set([
  'EventTime',
  'EventReceivedTime',
  'Hostname',
  'Keywords',
  'EventType',
  'SeverityValue',
  'Severity',
  'EventID',
  'SourceName',
  'ProviderGuid',
  'Version',
  'Task',
  'OpcodeValue',
  'Opcode',
  'RecordNumber',
  'ActivityID',
  'RelatedActivityID',
  'ProcessID',
  'ThreadID',
  'Channel',
  'Message',
  'Category',
  'Domain',
  'AccountName',
  'UserID',
  'AccountType',
  'SourceModuleName',
  'SourceModuleType',
  'ExecutionProcessID',
  'ExecutionThreadID',
  'Level',
  'TimeCreated',
]);

/**
 * Reshapes an NXLog document (see isNxlogWindowsDocument) in place into the document Winlogbeat
 * ships for the same record, so that the Windows mapping and every rule read it alike: the event
 * data (capitalised keys, and `paramN`) under `winlog.event_data` as strings, `event.code`,
 * `event.provider`, `winlog.channel`/`computer_name`/`record_id`, `host.name` and `message`.
 * Without `@timestamp` (NXLog's own output), `EventTime` gives it: written without a zone, it is
 * read as UTC. Any other document is left as it is.
 */
export function adoptNxlogDocument(doc: Record<string, unknown>): void {
  if (!isNxlogWindowsDocument(doc)) return;
  const code = eventIdOf(doc.EventID) as string;
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (isRecordField(doc, key) || !isEventDataKey(key)) continue;
    const value = doc[key];
    if (typeof value === 'string') data[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') data[key] = String(value);
    else continue;
    delete doc[key];
  }
  const winlog: Record<string, unknown> = { event_id: code, event_data: data };
  if (typeof doc.SourceName === 'string') winlog.provider_name = doc.SourceName;
  if (typeof doc.Channel === 'string') winlog.channel = doc.Channel;
  if (typeof doc.Hostname === 'string') winlog.computer_name = doc.Hostname;
  if (typeof doc.RecordNumber === 'number') winlog.record_id = doc.RecordNumber;
  doc.winlog = winlog;
  const event = isObject(doc.event) ? doc.event : (doc.event = {});
  event.code ??= code;
  if (typeof doc.SourceName === 'string') event.provider ??= doc.SourceName;
  // Logstash's `host` (a string: the collector the document came through) is no ECS host.
  if (typeof doc.Hostname === 'string' && !isObject(doc.host)) doc.host = { name: doc.Hostname };
  if (typeof doc.Message === 'string' && doc.message === undefined) doc.message = doc.Message;
  if (doc['@timestamp'] === undefined) {
    const time = eventTimeOf(doc.EventTime);
    if (time !== undefined) doc['@timestamp'] = time;
  }
}

/**
 * NXLog's AccountName (with Domain, UserID, AccountType) names the record's own user, which Security
 * events have none of; so without UserID an AccountName is the event data's (4825's account).
 */
function isRecordField(doc: Record<string, unknown>, key: string): boolean {
  return RECORD_FIELDS.has(key) && (key !== 'AccountName' || doc.UserID !== undefined);
}

/** `4625` or `"4625"`: an event id, as Winlogbeat's string. */
function eventIdOf(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 && value <= 65535 ? String(value) : undefined;
  return typeof value === 'string' && /^\d{1,5}$/.test(value) ? value : undefined;
}

/** Windows event data names are capitalised; some providers write `param1`, `param2`, ... */
function isEventDataKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return (first >= 65 && first <= 90) || /^param\d+$/.test(key);
}

/** NXLog's `2020-09-21 14:57:27` (no zone: read as UTC); an ISO time with a zone as it is. */
function eventTimeOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$/.exec(value);
  return plain ? `${plain[1]}T${plain[2]}Z` : value;
}
