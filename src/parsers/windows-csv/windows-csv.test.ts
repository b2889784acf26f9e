import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { windowsCsvParser } from './index.ts';
import { csvFields } from '../csv-fields.ts';

// Event Viewer CSV exports written for these tests after its "Save All Events As" CSV (a header of
// the visible columns, the message unnamed and last) and the messages Windows renders.
const read = (name: string) =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8').split('\n');

function parse(lines: string[]) {
  const parser = windowsCsvParser.create({});
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  parser.finish?.((event) => events.push(event));
  return { events, skips, notes: parser.notes() };
}

describe("Event Viewer's CSV export", () => {
  it('maps each record as Winlogbeat maps the event, its fields read back from the message', () => {
    const { events, skips, notes } = parse(read('security.csv'));
    expect(
      events.map((event) => [
        event['@timestamp'],
        event.event.code,
        event.event.action,
        event.event.outcome,
        (event.user as { name?: string } | undefined)?.name,
        (event.source as { ip?: string } | undefined)?.ip,
        (event.winlog as { logon?: { type?: string } }).logon?.type,
      ]),
    ).toEqual([
      [
        '2024-03-04T10:00:05.000Z',
        '4625',
        'logon-failed',
        'failure',
        'administrator',
        '203.0.113.77',
        'RemoteInteractive',
      ],
      // A quote in the account name, doubled in the file.
      [
        '2024-03-04T22:00:07.000Z',
        '4625',
        'logon-failed',
        'failure',
        'svc "backup"',
        '203.0.113.78',
        'Network',
      ],
      ['2024-03-04T22:01:00.000Z', '4672', undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(events[0]).toMatchObject({
      event: { provider: 'Microsoft-Windows-Security-Auditing', reason: 'wrong password' },
      winlog: { channel: 'Security', event_id: '4625', keywords: ['Audit Failure'], task: 'Logon' },
    });
    expect(skips[0]).toBe('windows-csv-header');
    // Stray text after a quoted field, a date that is none, a record the file cut short.
    expect(notes).toEqual(['3 records skipped: bad-windows-csv-record']);
  });

  it("reads other logs' exports, whose first column is the level", () => {
    const { events } = parse(read('application.csv'));
    expect(
      events.map((event) => [
        event.event.code,
        event.event.action,
        (event.source as { ip?: string } | undefined)?.ip,
      ]),
    ).toEqual([
      ['16384', undefined, undefined],
      ['18456', 'mssql-login-failed', '203.0.113.79'],
    ]);
  });

  it("reads PowerShell's Export-Csv of Get-WinEvent, its message a named column", () => {
    const { events, skips } = parse(read('powershell.csv'));
    expect(skips.slice(0, 2)).toEqual(['not-windows-csv', 'windows-csv-header']);
    expect(
      events.map((event) => [
        event['@timestamp'],
        event.event.code,
        event.event.action,
        (event.user as { name?: string } | undefined)?.name,
        (event.source as { ip?: string } | undefined)?.ip,
      ]),
    ).toEqual([
      ['2024-03-04T23:15:00.000Z', '4625', 'logon-failed', 'backup', '198.51.100.90'],
      ['2024-03-04T23:15:01.000Z', '4672', undefined, undefined, undefined],
    ]);
    expect(events[0]).toMatchObject({
      winlog: {
        channel: 'Security',
        computer_name: 'WS01.corp.example.com',
        record_id: 88001,
        keywords: ['Audit Failure'],
        logon: { type: 'RemoteInteractive' },
      },
    });
    expect(events[1]).toMatchObject({ winlog: { keywords: ['Audit Success'] } });
    const choice = chooseParser(read('powershell.csv').slice(0, 30));
    expect(choice.kind === 'found' && choice.parser.format).toBe('windows-csv');
  });

  it("reads the time as the exporting machine's culture writes it, day first unless US English", () => {
    // The same PowerShell export from machines set to other cultures: only TimeCreated differs.
    const lines = read('powershell.csv');
    const timesIn = (usTime: string, culture: string) =>
      parse(lines.map((line) => line.replace(usTime, culture))).events.map((event) => event['@timestamp']);
    const written: [string, string][] = [
      ['3/4/2024 11:15:00 PM', '2024-03-04T23:15:00.000Z'], // en-US
      ['04/03/2024 23:15:00', '2024-03-04T23:15:00.000Z'], // en-GB, fr-FR, es-ES, it-IT
      ['04.03.2024 23:15:00', '2024-03-04T23:15:00.000Z'], // de-DE, ru-RU, pl-PL
      ['4-3-2024 23:15:00', '2024-03-04T23:15:00.000Z'], // nl-NL
      ['2024-03-04 23:15:00', '2024-03-04T23:15:00.000Z'], // sv-SE
      ['2024/03/04 23:15:00', '2024-03-04T23:15:00.000Z'], // ja-JP, zh-CN
      ['4/03/2024 11:15:00 pm', '2024-03-04T23:15:00.000Z'], // en-AU
      ['13/03/2024 23:15:00', '2024-03-13T23:15:00.000Z'],
    ];
    for (const [culture, instant] of written)
      expect(timesIn('3/4/2024 11:15:00 PM', culture)[0], culture).toBe(instant);
    // Day first, the 31st of February is no date: the record is told in the notes, never misdated.
    const impossible = parse(
      lines.map((line) => line.replace('3/4/2024 11:15:00 PM', '31/02/2024 23:15:00')),
    );
    expect(impossible.events.map((event) => event['@timestamp'])).toEqual(['2024-03-04T23:15:01.000Z']);
    expect(impossible.notes).toEqual(['1 record skipped: bad-windows-csv-record']);
  });

  it('is recognised by its header, and nothing before a header is read', () => {
    const security = read('security.csv');
    const choice = chooseParser(security.slice(0, 40));
    expect(choice.kind === 'found' && choice.parser.format).toBe('windows-csv');
    expect(parse(security.slice(1, 38)).skips.every((skip) => skip === 'not-windows-csv')).toBe(true);
  });
});

describe('a record too long to keep', () => {
  it('is dropped to its closing quote, and the records after it are read', () => {
    const security = read('security.csv');
    const record = security.slice(1, 38);
    const long = [record[0] as string, ...Array<string>(2500).fill('\tpadding:\t\tx'), ...record.slice(1)];
    const { events, skips } = parse([security[0] as string, ...long, ...record]);
    expect(events.map((event) => event.event.code)).toEqual(['4625']);
    expect(skips.filter((skip) => skip === 'too-long')).toHaveLength(long.length - 2000);
  });
});

describe('csvFields', () => {
  it('splits a record with quoted fields, doubled quotes and line breaks', () => {
    expect(csvFields('a,"b,c","d ""e""\nf",')).toEqual(['a', 'b,c', 'd "e"\nf', '']);
    expect(csvFields('"open')).toBeUndefined();
    expect(csvFields('"a"b')).toBeUndefined();
  });
});
