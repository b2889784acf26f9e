import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { chooseParserFrom } from '../choose-parser.ts';
import type { LineParser } from '../parser.ts';
import { parserDefinitions } from '../registry.ts';
import { windowsParser } from '../windows/index.ts';
import { MAPPED_FIELDS } from '../windows/testdata/mapped-fields.ts';
import { winEventLogParser } from './index.ts';

// Events written for these tests in Splunk's classic WinEventLog form, their messages as Windows
// renders them (a line before the first event, as an export's title would be).
const FIXTURE = readFileSync(new URL('./testdata/splunk-wineventlog.txt', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');

function parse(
  lines: readonly string[],
  finish = true,
): { events: SecurityEvent[]; skips: (string | null)[]; parser: LineParser } {
  const parser = winEventLogParser.create({});
  const events: SecurityEvent[] = [];
  const emit = (event: SecurityEvent) => events.push(event);
  const skips = lines.map((line) => parser.parseLine(line, emit));
  if (finish) parser.finish?.(emit);
  return { events, skips, parser };
}

const record = (time: string, header: string[], message: string[]) => [time, ...header, ...message];

describe('wineventlog (Splunk classic WinEventLog text)', () => {
  it('reads each event when the next starts, and the last when the input ends', () => {
    const open = parse(FIXTURE, false);
    expect(open.events).toHaveLength(13);
    expect(open.skips.filter((skip) => skip !== null)).toEqual(['not-a-wineventlog-record']);
    const { events } = parse(FIXTURE);
    expect(events.map((event) => event.event.code)).toEqual([...Array<string>(12).fill('4625'), '4688', '1']);
  });

  it('maps a failed logon as the windows parser maps the Winlogbeat document of the same event', () => {
    const [event] = parse(FIXTURE).events as [SecurityEvent];
    const winlogbeat = JSON.stringify({
      '@timestamp': '2024-03-04T10:00:00.000Z',
      event: { code: '4625', provider: 'Microsoft-Windows-Security-Auditing', kind: 'event' },
      winlog: {
        channel: 'Security',
        computer_name: 'dc01.corp.example.com',
        event_id: '4625',
        provider_name: 'Microsoft-Windows-Security-Auditing',
        event_data: {
          TargetUserName: 'administrator',
          TargetDomainName: 'CORP',
          LogonType: '3',
          Status: '0xc000006d',
          SubStatus: '0xc000006a',
          WorkstationName: 'KALI',
          IpAddress: '203.0.113.77',
          IpPort: '0',
        },
      },
    });
    let expected: SecurityEvent | undefined;
    windowsParser.create({}).parseLine(winlogbeat, (mapped) => (expected = mapped));
    for (const field of MAPPED_FIELDS)
      expect(getField(event, field), field).toEqual(getField(expected, field));
    expect(event).toMatchObject({
      '@timestamp': '2024-03-04T10:00:00.000Z',
      event: { action: 'logon-failed', outcome: 'failure', reason: 'wrong password' },
      user: { name: 'administrator' },
      source: { ip: '203.0.113.77' },
      winlog: { record_id: 5000, event_data: { LogonProcessName: 'NtLmSsp', KeyLength: '0' } },
    });
    expect(event.event.original?.startsWith('03/04/2024 10:00:00 AM\nLogName=Security\n')).toBe(true);
  });

  it("reads a process creation's fields by their sections, and Sysmon's by their own names", () => {
    const events = parse(FIXTURE).events;
    expect(events[12]?.winlog).toMatchObject({
      event_data: {
        SubjectUserName: 'alice',
        TargetUserName: '-',
        NewProcessName: 'C:\\Windows\\System32\\vssadmin.exe',
        ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'vssadmin.exe delete shadows /all /quiet',
      },
    });
    expect(events[13]?.winlog).toMatchObject({
      channel: 'Microsoft-Windows-Sysmon/Operational',
      event_data: { Image: 'C:\\Windows\\System32\\vssadmin.exe', User: 'CORP\\alice', ProcessId: '6700' },
    });
    expect(events[13]?.event.provider).toBe('Microsoft-Windows-Sysmon');
  });

  it('reads the time line in 12- and 24-hour forms, as UTC', () => {
    const header = [
      'LogName=System',
      'SourceName=Service Control Manager',
      'EventCode=7045',
      'Message=A service was installed in the system.',
    ];
    const { events } = parse([
      ...record('01/02/2024 12:05:00 AM', header, []),
      ...record('01/02/2024 12:05:00 PM', header, [
        '',
        'Service Name:  evil',
        'Service File Name:  C:\\evil.exe',
      ]),
      ...record('1/2/2024 23:59:59', header, []),
    ]);
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2024-01-02T00:05:00.000Z',
      '2024-01-02T12:05:00.000Z',
      '2024-01-02T23:59:59.000Z',
    ]);
    expect(events[1]?.winlog).toMatchObject({
      event_data: { ServiceName: 'evil', ImagePath: 'C:\\evil.exe' },
    });
  });

  it('tells events it cannot read in its notes, bounds an event, and sets no prototype', () => {
    const { events, skips, parser } = parse([
      ...record('03/04/2024 10:00:00 AM', ['LogName=Security', 'Message=no code'], []),
      ...record('02/30/2024 10:00:00 AM', ['EventCode=4625'], []),
      ...record(
        '03/04/2024 10:00:01 AM',
        ['EventCode=1', 'Message=Process Create:'],
        ['__proto__: x', 'constructor: y', 'Image: C:\\a.exe'],
      ),
      '03/04/2024 10:00:02 AM',
      'EventCode=1',
      ...Array<string>(2100).fill('Image: x'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.winlog).toMatchObject({ event_data: { Image: 'C:\\a.exe', constructor: 'y' } });
    expect(Object.getPrototypeOf((events[0]?.winlog as { event_data: object }).event_data)).toBe(
      Object.prototype,
    );
    expect(skips.filter((skip) => skip === 'too-long').length).toBeGreaterThan(0);
    expect(parser.notes()).toEqual([
      '1 event skipped: wineventlog-without-code',
      '1 event skipped: wineventlog-bad-time',
    ]);
  });

  it("reads wevtutil's /f:text and Event Viewer's copied details the same way", () => {
    const message = [
      'An account failed to log on.',
      '',
      'Account For Which Logon Failed:',
      '\tAccount Name:\t\tadministrator',
      '\tAccount Domain:\t\tCORP',
      '',
      'Failure Information:',
      '\tStatus:\t\t\t0xC000006D',
      '\tSub Status:\t\t0xC000006A',
      '',
      'Network Information:',
      '\tSource Network Address:\t203.0.113.77',
    ];
    const wevtutil = [
      'Event[0]:',
      '  Log Name: Security',
      '  Source: Microsoft-Windows-Security-Auditing',
      '  Date: 2024-03-04T10:00:00.123',
      '  Event ID: 4625',
      '  Task: Logon',
      '  Keyword: Audit Failure',
      '  Computer: dc01.corp.example.com',
      '  Description: ',
      ...message,
    ];
    const copied = [
      'Log Name:      Security',
      'Source:        Microsoft-Windows-Security-Auditing',
      'Date:          3/4/2024 10:00:00 AM',
      'Event ID:      4625',
      'Task Category: Logon',
      'Keywords:      Audit Failure',
      'Computer:      dc01.corp.example.com',
      'Description:',
      ...message,
    ];
    const read = (lines: string[]) => {
      const [event] = parse(lines).events as [SecurityEvent];
      return [event['@timestamp'], event.event.action, event.user, event.source, event.winlog];
    };
    const [fromWevtutil, fromCopy] = [read(wevtutil), read(copied)];
    expect(fromWevtutil.slice(1)).toEqual(fromCopy.slice(1));
    expect(fromWevtutil.slice(0, 4)).toEqual([
      '2024-03-04T10:00:00.123Z',
      'logon-failed',
      { name: 'administrator', domain: 'CORP' },
      { ip: '203.0.113.77' },
    ]);
    expect(fromCopy[0]).toBe('2024-03-04T10:00:00.000Z');
    expect(chooseParserFrom(parserDefinitions, wevtutil).kind === 'found').toBe(true);
    expect(winEventLogParser.sniff(wevtutil)).toBe(0.95);
    expect(winEventLogParser.sniff(copied)).toBe(0.95);
  });

  it('is the format chosen for such text, and not for a syslog file', () => {
    const choice = chooseParserFrom(parserDefinitions, FIXTURE.slice(0, 50));
    expect(choice.kind === 'found' && choice.parser.format).toBe('wineventlog');
    expect(winEventLogParser.sniff(['Mar  4 10:00:02 web-01 sshd[2231]: Accepted password for bob'])).toBe(0);
  });
});
