import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { mssqlParser } from './index.ts';

// SQL Server error log lines written for these tests after its 18456 message and its log's head.
const ERRORLOG = fixtureLines(new URL('./testdata/ERRORLOG', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.user as { name: string } | undefined)?.name,
  (event.source as { ip: string } | undefined)?.ip,
  event.event.reason,
];

describe("SQL Server's error log", () => {
  const parser = mssqlParser.create({});
  const { events, skips } = parseLines(parser, ERRORLOG);

  it('gives each failed login as Windows event 18456 is read, from the client the server wrote last', () => {
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:01.200Z', 'sa', '203.0.113.80', 'wrong password'],
      ['2024-03-04T10:00:02.310Z', 'admin', '203.0.113.81', 'unknown login'],
      ['2024-03-04T10:00:03.000Z', "O'Brien", '2001:db8::82', 'unknown login'],
      // The login name held a client and a reason of its own.
      [
        '2024-03-04T10:00:04.070Z',
        "x'. Reason: Password did not match. [CLIENT: 198.51.100.66]",
        '203.0.113.83',
        'unknown login',
      ],
      ['2024-03-04T10:00:05.500Z', 'CORP\\svc-report', undefined, 'cannot open the requested database'],
      [
        '2024-03-04T10:00:06.610Z',
        undefined,
        '203.0.113.84',
        'SQL logins refused (Windows authentication only)',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        action: 'mssql-login-failed',
        outcome: 'failure',
        category: ['authentication', 'database'],
        module: 'mssql',
      },
      service: { name: 'mssql' },
    });
  });

  it('counts the Error: 18456 line with its message once, and reads no other source as a login', () => {
    expect(skips).toEqual([
      'mssql-line-unused',
      'mssql-line-unused',
      'mssql-line-unused',
      null,
      'mssql-line-unused',
      null,
      null,
      null,
      null,
      null,
      'mssql-line-unused',
      // A message that holds a login line: its source is not Logon.
      'not-mssql-errorlog', // a message at the head: no source padded to its column,
      'not-mssql-errorlog',
    ]);
  });

  it('is recognised by its head', () => {
    const choice = chooseParser(ERRORLOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('mssql');
  });
});
