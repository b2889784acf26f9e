import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { chooseParserFrom } from '../choose-parser.ts';
import { parserDefinitions } from '../registry.ts';
import { windowsParser } from '../windows/index.ts';
import { bareDocument } from '../windows/testdata/bare-document.ts';
import { datasetLines } from '../windows/testdata/dataset-lines.ts';
import { MAPPED_FIELDS } from '../windows/testdata/mapped-fields.ts';
import { windowsXmlParser } from './index.ts';

/** The dataset's records: each as Winlogbeat ships it, and its XML as the EVTX holds it (python-evtx's rendering, indented). */
const records = datasetLines().map((line) => ({
  winlogbeat: bareDocument(line),
  xml: (JSON.parse(line) as { event: { original: string } }).event.original,
}));

// The XML holds the whole record: its event and user data, record id and host too.
const MAPPED = [...MAPPED_FIELDS, 'winlog.event_data', 'winlog.user_data', 'winlog.record_id', 'host.name'];

function parse(lines: string[]): { events: SecurityEvent[]; skipped: Record<string, number> } {
  const parser = windowsXmlParser.create({});
  const events: SecurityEvent[] = [];
  const skipped: Record<string, number> = {};
  for (const line of lines) {
    const reason = parser.parseLine(line, (event) => events.push(event));
    if (reason !== null) skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { events, skipped };
}

/** The record's XML without the line breaks between its tags (those in a value stay). */
const oneLine = (xml: string) => xml.trimEnd().replace(/>\n+</g, '><');

describe('windows-xml on the EVTX-to-MITRE-Attack records as XML', () => {
  const winlogbeat = records.map(({ winlogbeat }) => {
    const events: SecurityEvent[] = [];
    windowsParser.create({}).parseLine(winlogbeat, (event) => events.push(event));
    return events[0] as SecurityEvent;
  });

  it.each([
    ['one event a line', records.map(({ xml }) => oneLine(xml)), {}],
    [
      "indented, inside Event Viewer's <Events>",
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Events>',
        ...records.flatMap(({ xml }) => xml.trimEnd().split('\n')),
        '</Events>',
      ],
      { 'not-an-event': 3 },
    ],
    ['all on one line', [records.map(({ xml }) => oneLine(xml)).join('')], {}],
  ])('maps each record as its Winlogbeat document is mapped: %s', (_name, lines, skipped) => {
    const parsed = parse(lines);
    expect(parsed.skipped).toEqual(skipped);
    expect(parsed.events).toHaveLength(310);
    parsed.events.forEach((event, i) => {
      for (const field of MAPPED)
        expect(getField(event, field), `${field} of record ${i}`).toEqual(getField(winlogbeat[i], field));
      expect(event['@timestamp']).toBe(winlogbeat[i]?.['@timestamp']);
    });
    expect(parsed.events.filter((event) => event.event.outcome === 'failure').length).toBeGreaterThan(100);
  });

  it("takes a rendered event's message, as Winlogbeat ships it", () => {
    const bare = oneLine(records[0]?.xml as string);
    const rendered = bare.replace(
      '</Event>',
      "<RenderingInfo Culture='en-US'><Message>Login failed for user &apos;sa&apos;.\n Reason: Password did not match.</Message><Level>Information</Level></RenderingInfo></Event>",
    );
    expect(parse([rendered]).events[0]?.message).toBe(
      "Login failed for user 'sa'.\n Reason: Password did not match.",
    );
    expect(parse([bare]).events[0]?.message).toBeUndefined();
  });

  it("keeps each event's own text as event.original", () => {
    const lines = records.slice(0, 3).map(({ xml }) => oneLine(xml));
    expect(parse(lines).events.map((event) => event.event.original)).toEqual(lines);
  });

  it('is found among inputs by its namespace', () => {
    const sample = records.slice(0, 20).map(({ xml }) => oneLine(xml));
    const choice = chooseParserFrom(parserDefinitions, sample);
    expect(choice.kind === 'found' && choice.parser.format).toBe('windows-xml');
  });
});

describe("windows-xml on Sysmon for Linux's syslog lines", () => {
  // Sysmon for Linux writes each event's XML, without the namespace, after a syslog header.
  const line = (id: number) =>
    `Oct 20 01:00:47 ubuntu sysmon: <Event><System><Provider Name="Linux-Sysmon" Guid="{ff032593-a8d3-4f13-b0d6-01fc615a0f97}"/><EventID>1</EventID><Version>5</Version><TimeCreated SystemTime="2021-10-20T01:00:47.604216000Z"/><EventRecordID>${id}</EventRecordID><Channel>Linux-Sysmon/Operational</Channel><Computer>ubuntu</Computer></System><EventData><Data Name="Image">/usr/bin/id</Data><Data Name="CommandLine">id -u</Data></EventData></Event>`;

  it('is the format chosen for them, and reads each event past the header', () => {
    const sample = [line(1), 'Oct 20 01:00:48 ubuntu systemd[1]: Started cron.', line(2)];
    const choice = chooseParserFrom(parserDefinitions, sample);
    expect(choice.kind === 'found' && choice.parser.format).toBe('windows-xml');
    const parser = windowsXmlParser.create({});
    const events: SecurityEvent[] = [];
    const skips = sample.map((text) => parser.parseLine(text, (event) => events.push(event)));
    expect(skips).toEqual([null, 'not-an-event', null]);
    expect(events.map((event) => [event.event.code, event.event.provider, event['@timestamp']])).toEqual([
      ['1', 'Linux-Sysmon', '2021-10-20T01:00:47.604Z'],
      ['1', 'Linux-Sysmon', '2021-10-20T01:00:47.604Z'],
    ]);
    expect((events[0]?.winlog as { event_data: object }).event_data).toEqual({
      Image: '/usr/bin/id',
      CommandLine: 'id -u',
    });
  });

  it('leaves a syslog file with a stray Sysmon line to the syslog parser', () => {
    const syslog = (n: number) => `Oct 20 01:00:4${n} ubuntu systemd[1]: Started cron.`;
    const choice = chooseParserFrom(parserDefinitions, [line(1), syslog(1), syslog(2), syslog(3)]);
    expect(choice.kind === 'found' && choice.parser.format).toBe('sshd');
  });
});

describe('windows-xml on bad and hostile input', () => {
  const event = (data: string) =>
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4625</EventID><TimeCreated SystemTime='2024-03-04T10:00:00.1234567Z'/><Channel>Security</Channel><Computer>DC01</Computer></System><EventData>${data}</EventData></Event>`;

  it('counts garbled XML and other XML, notes a cut-off event, and reads the events after them', () => {
    const good = event("<Data Name='TargetUserName'>alice</Data><Data Name='IpAddress'>203.0.113.9</Data>");
    const parser = windowsXmlParser.create({});
    const events: SecurityEvent[] = [];
    const reasons = [
      '<Event><System><EventID>4625</Event>',
      '<Other/>',
      '<Event xmlns="x"><System>',
      good,
      `${good}${good}`,
      'plain text',
    ].map((line) => parser.parseLine(line, (made) => events.push(made)));
    expect(reasons).toEqual(['invalid-xml', 'not-an-event', null, null, null, 'not-an-event']);
    expect(parser.notes()).toEqual(['1 XML event was cut off before its </Event> and skipped']);
    const parsed = { events };
    expect(parsed.events[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:00.123Z',
      event: { code: '4625', action: 'logon-failed' },
      user: { name: 'alice' },
      source: { ip: '203.0.113.9' },
    });
  });

  it('expands no entity it was not told of: a DTD is refused', () => {
    const bomb = `<!DOCTYPE Event [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${event("<Data Name='TargetUserName'>&b;</Data>")}`;
    expect(parse([bomb]).skipped).toEqual({ 'invalid-xml': 1 });
    const escaped = parse([event("<Data Name='TargetUserName'>a&amp;b&#65;</Data>")]).events[0];
    expect(getField(escaped, 'winlog.event_data.TargetUserName')).toBe('a&bA');
  });

  it('stops at 64 levels of elements, and at an event longer than a line may be', () => {
    const deep = event(`${'<Data>'.repeat(10_000)}x${'</Data>'.repeat(10_000)}`);
    expect(parse([deep]).skipped).toEqual({ 'too-deep': 1 });
    const long = ['<Event>', ...Array.from({ length: 20_000 }, () => 'x'.repeat(100)), '</Event>'];
    const parsed = parse([...long, event('')]);
    expect(parsed.skipped['too-long']).toBe(1);
    expect(parsed.events).toHaveLength(1);
  });
});
