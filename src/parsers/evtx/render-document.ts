import { toIsoTimestamp } from './filetime.ts';
import { renderXml } from './render-xml.ts';
import type { XmlElement, XmlNode } from './xml-node.ts';
import { attributeText, childElement, textOf } from './xml-node.ts';

/** System elements copied to `winlog` as text, as Winlogbeat names them. */
const SYSTEM_TEXT_FIELDS: ReadonlyArray<[string, string]> = [
  ['Channel', 'channel'],
  ['Computer', 'computer_name'],
  ['Version', 'version'],
  ['Level', 'level'],
  ['Task', 'task'],
  ['Opcode', 'opcode'],
  ['Keywords', 'keywords'],
];

/**
 * The document Winlogbeat ships for a record: `@timestamp`, `event.code`/`provider`/`original`,
 * `host.name`, and `winlog.*` with `event_data` (EventData's Data by Name; unnamed ones as
 * param1, param2, ...) and `user_data` (UserData's first element, one level flattened).
 * `recordId`: the record header's, for a record whose XML names none; `original`: the record's XML
 * as text when the caller has it (else it is rendered from the tree).
 */
export function renderDocument(
  nodes: readonly XmlNode[],
  recordId: bigint | undefined,
  original?: string,
): Record<string, unknown> {
  const root = nodes.find((node): node is XmlElement => node.kind === 'element');
  const system = root ? childElement(root, 'System') : undefined;
  const winlog: Record<string, unknown> = {};
  const event: Record<string, unknown> = { kind: 'event' };
  const doc: Record<string, unknown> = {};
  if (system) readSystem(system, winlog, event, doc);
  if (winlog.record_id === undefined && recordId !== undefined) winlog.record_id = Number(recordId);
  const eventData = root ? childElement(root, 'EventData') : undefined;
  if (eventData) winlog.event_data = readEventData(eventData);
  const userData = root ? childElement(root, 'UserData') : undefined;
  const userDataDoc = userData ? readUserData(userData) : undefined;
  if (userDataDoc) winlog.user_data = userDataDoc;
  event.original = original ?? renderXml(nodes);
  doc.event = event;
  if (typeof winlog.computer_name === 'string') doc.host = { name: winlog.computer_name };
  doc.winlog = winlog;
  return doc;
}

function readSystem(
  system: XmlElement,
  winlog: Record<string, unknown>,
  event: Record<string, unknown>,
  doc: Record<string, unknown>,
): void {
  const time = childElement(system, 'TimeCreated');
  const systemTime = time ? attributeText(time, 'SystemTime') : undefined;
  const timestamp = systemTime === undefined ? undefined : toIsoTimestamp(systemTime);
  if (timestamp !== undefined) doc['@timestamp'] = timestamp;
  const provider = childElement(system, 'Provider');
  if (provider) {
    const name = attributeText(provider, 'Name') || attributeText(provider, 'EventSourceName');
    if (name) event.provider = winlog.provider_name = name;
    const guid = attributeText(provider, 'Guid');
    if (guid) winlog.provider_guid = guid;
  }
  const eventId = childElement(system, 'EventID');
  if (eventId) event.code = winlog.event_id = textOf(eventId.children).trim();
  for (const [element, key] of SYSTEM_TEXT_FIELDS) {
    const found = childElement(system, element);
    if (found) winlog[key] = textOf(found.children).trim();
  }
  const recordId = childElement(system, 'EventRecordID');
  if (recordId) winlog.record_id = toNumber(textOf(recordId.children).trim());
  readSystemAttributes(system, winlog);
}

function readSystemAttributes(system: XmlElement, winlog: Record<string, unknown>): void {
  const execution = childElement(system, 'Execution');
  const pid = execution ? attributeText(execution, 'ProcessID') : undefined;
  const tid = execution ? attributeText(execution, 'ThreadID') : undefined;
  if (pid || tid) {
    const process: Record<string, unknown> = {};
    if (pid) process.pid = toNumber(pid);
    if (tid) process.thread = { id: toNumber(tid) };
    winlog.process = process;
  }
  const security = childElement(system, 'Security');
  const userId = security ? attributeText(security, 'UserID') : undefined;
  if (userId) winlog.user = { identifier: userId };
  const correlation = childElement(system, 'Correlation');
  const activityId = correlation ? attributeText(correlation, 'ActivityID') : undefined;
  if (activityId) winlog.activity_id = activityId;
}

function readEventData(eventData: XmlElement): Record<string, string> {
  const data: Record<string, string> = {};
  let unnamed = 0;
  for (const child of eventData.children) {
    if (child.kind !== 'element') continue;
    if (child.name === 'Data') {
      const name = attributeText(child, 'Name');
      if (name) {
        data[name] = textOf(child.children);
        continue;
      }
      for (const part of unnamedParts(child.children)) data[`param${++unnamed}`] = part;
    } else if (child.name === 'Binary') data.Binary = textOf(child.children);
  }
  return data;
}

/** An unnamed Data holding an array (classic providers' insertion strings) gives one param per item. */
function unnamedParts(children: readonly XmlNode[]): string[] {
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.kind === 'text' && only.items !== undefined) return only.items;
  return [textOf(children)];
}

function readUserData(userData: XmlElement): Record<string, unknown> | undefined {
  const first = userData.children.find((node): node is XmlElement => node.kind === 'element');
  if (!first) return undefined;
  const result: Record<string, unknown> = { xml_name: first.name };
  for (const child of first.children) {
    if (child.kind !== 'element') continue;
    const nested = child.children.filter((node): node is XmlElement => node.kind === 'element');
    if (nested.length === 0) result[child.name] = textOf(child.children);
    else result[child.name] = Object.fromEntries(nested.map((node) => [node.name, textOf(node.children)]));
  }
  return result;
}

function toNumber(text: string): number | string {
  const value = Number(text);
  return text !== '' && Number.isSafeInteger(value) ? value : text;
}
