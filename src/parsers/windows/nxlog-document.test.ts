import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { chooseParserFrom } from '../choose-parser.ts';
import { parserDefinitions } from '../registry.ts';
import { windowsParser } from './index.ts';
import { adoptNxlogDocument, isNxlogWindowsDocument } from './nxlog-document.ts';
import { bareDocument } from './testdata/bare-document.ts';
import { datasetLines } from './testdata/dataset-lines.ts';
import { MAPPED_FIELDS } from './testdata/mapped-fields.ts';

/**
 * The real records of the dataset as Winlogbeat ships them (see shared/datasets/README.md), without
 * the fields its converter added beside the event data (the parser maps them from it).
 */
function winlogbeatLines(): string[] {
  return datasetLines().map(bareDocument);
}

/**
 * The same record as NXLog's im_msvistalog writes it: one flat object, the event data beside
 * NXLog's own fields, `EventID` a number, the time as `EventTime` (local, no zone: here UTC).
 * `withTimestamp`: as the OTRF Security-Datasets hold them, with Logstash's `@timestamp` too.
 */
function asNxlog(line: string, withTimestamp: boolean): string {
  const doc = JSON.parse(line) as {
    '@timestamp': string;
    event: { code: string; provider?: string };
    winlog: { channel?: string; computer_name?: string; record_id?: number; event_data?: object };
  };
  const time = doc['@timestamp'];
  return JSON.stringify({
    EventTime: `${time.slice(0, 10)} ${time.slice(11, 19)}`,
    Hostname: doc.winlog.computer_name,
    EventType: 'AUDIT_FAILURE',
    EventID: Number(doc.event.code),
    SourceName: doc.event.provider,
    RecordNumber: doc.winlog.record_id,
    Channel: doc.winlog.channel,
    Message: 'An account failed to log on.',
    ...doc.winlog.event_data,
    EventReceivedTime: `${time.slice(0, 10)} ${time.slice(11, 19)}`,
    SourceModuleName: 'eventlog',
    SourceModuleType: 'im_msvistalog',
    ...(withTimestamp && { '@timestamp': time.slice(0, 19) + 'Z', '@version': '1' }),
  });
}

const MAPPED = [...MAPPED_FIELDS, 'winlog.event_data.TargetUserName', 'winlog.event_data.IpAddress'];

function parse(lines: string[], fields?: string[]): SecurityEvent[] {
  const parser = fields ? windowsParser.createSelective!({}, fields) : windowsParser.create({});
  const events: SecurityEvent[] = [];
  for (const line of lines) expect(parser.parseLine(line, (event) => events.push(event))).toBeNull();
  return events;
}

describe('NXLog documents (im_msvistalog, the OTRF Security-Datasets)', () => {
  const lines = winlogbeatLines();
  const winlogbeat = parse(lines);

  it.each([
    ['with Logstash @timestamp', true],
    ['with only EventTime', false],
  ])('map as the Winlogbeat document of the same record does, %s', (_name, withTimestamp) => {
    const nxlog = lines.map((line) => asNxlog(line, withTimestamp));
    for (const events of [parse(nxlog), parse(nxlog, MAPPED)]) {
      expect(events).toHaveLength(winlogbeat.length);
      events.forEach((event, i) => {
        for (const field of MAPPED)
          expect(getField(event, field), `${field} of record ${i}`).toEqual(getField(winlogbeat[i], field));
        expect(event['@timestamp']).toBe(`${winlogbeat[i]?.['@timestamp'].slice(0, 19)}.000Z`);
      });
    }
    // The dataset's logon failures, SQL Server and Kerberos events among them.
    expect(winlogbeat.filter((event) => event.event.outcome === 'failure').length).toBeGreaterThan(100);
  });

  it('are found among JSON lines as Windows events', () => {
    const sample = lines.slice(0, 20).map((line) => asNxlog(line, false));
    const choice = chooseParserFrom(parserDefinitions, sample);
    expect(choice.kind === 'found' && choice.parser.format).toBe('windows');
  });

  it('keep their line as event.original, and NXLog fields where they were', () => {
    const line = asNxlog(lines[0] as string, false);
    const [event] = parse([line]);
    expect(event?.event.original).toBe(line);
    expect(event).toMatchObject({ SourceModuleType: 'im_msvistalog', EventTime: expect.any(String) });
    expect(getField(event, 'TargetUserName')).toBeUndefined();
  });

  it('are told apart from Winlogbeat documents and other JSON', () => {
    expect(isNxlogWindowsDocument({ EventID: 4625, SourceName: 'Microsoft-Windows-Security-Auditing' })).toBe(
      true,
    );
    expect(isNxlogWindowsDocument({ EventID: '4625', Channel: 'Security' })).toBe(true);
    expect(isNxlogWindowsDocument({ EventID: 4625, winlog: {}, Channel: 'Security' })).toBe(false);
    expect(isNxlogWindowsDocument({ EventID: 4625 })).toBe(false);
    expect(isNxlogWindowsDocument({ EventID: 'x', Channel: 'Security' })).toBe(false);
    expect(isNxlogWindowsDocument({ EventID: 4625.5, Channel: 'Security' })).toBe(false);
    expect(isNxlogWindowsDocument({ EventID: 1e21, Channel: 'Security' })).toBe(false);
    const other = { message: 'hello', EventID: 'login' };
    adoptNxlogDocument(other);
    expect(other).toEqual({ message: 'hello', EventID: 'login' });
  });

  it('move only scalar event data, as strings; an EventTime with a zone stays as written', () => {
    const doc: Record<string, unknown> = {
      EventID: 4625,
      Channel: 'Security',
      EventTime: '2024-03-04T10:00:00+02:00',
      LogonType: 3,
      TargetUserName: 'alice',
      Nested: { a: 1 },
      param1: 'x',
      lowercase: 'stays',
      Hostname: 'WS7.corp.example.com',
      host: 'wec.internal.cloudapp.net',
    };
    adoptNxlogDocument(doc);
    expect(doc).toMatchObject({
      '@timestamp': '2024-03-04T10:00:00+02:00',
      winlog: { event_id: '4625', channel: 'Security', event_data: { LogonType: '3', param1: 'x' } },
      event: { code: '4625' },
      Nested: { a: 1 },
      lowercase: 'stays',
      host: { name: 'WS7.corp.example.com' },
    });
  });
});
