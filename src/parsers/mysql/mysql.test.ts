import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { mysqlParser } from './index.ts';

// MySQL 5.1-8.0 and MariaDB error log lines and mysqld's syslog lines, written for these tests after
// the servers' log formats and their ER_ACCESS_DENIED_ERROR message.
const ERROR_LOG = fixtureLines(new URL('./testdata/error.log', import.meta.url));
const SYSLOG = fixtureLines(new URL('../sshd/testdata/mysql.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.user as { name: string }).name,
  event.source,
  event.event.reason,
];

describe("MySQL's and MariaDB's error log", () => {
  const parser = mysqlParser.create({});
  const { events, skips } = parseLines(parser, ERROR_LOG);
  const at = (ip: string) => ({ address: ip, ip });

  it("gives each refused login, in every server's form, from the address the server wrote last", () => {
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:01.000Z', 'root', at('192.0.2.120'), 'using password: NO'],
      ['2024-03-04T09:00:02.000Z', 'root', at('192.0.2.120'), 'using password: YES'],
      ['2024-03-04T10:00:03.000Z', 'admin', at('192.0.2.121'), 'using password: YES'],
      ['2024-03-04T08:00:04.000Z', 'admin', at('2001:db8::122'), 'using password: YES'],
      [
        '2024-03-04T10:00:05.237Z',
        'backup',
        { address: 'db-client.example.net', domain: 'db-client.example.net' },
        'using password: YES',
      ],
      ['2024-03-04T10:00:06.634Z', 'root', at('192.0.2.123'), 'using password: NO'],
      // A login from the server itself has no address to count.
      ['2024-03-04T10:00:07.000Z', 'root', undefined, 'using password: YES'],
      // The user name held a login line of its own: the line's end is the server's.
      [
        '2024-03-04T10:00:08.000Z',
        "x'@'198.51.100.9' (using password: YES)",
        at('192.0.2.124'),
        'using password: YES',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        action: 'mysql_login',
        outcome: 'failure',
        category: ['authentication', 'database'],
        module: 'mysql',
      },
      service: { name: 'mysql' },
    });
    expect(skips.slice(-3)).toEqual(['mysql-line-unused', 'mysql-line-unused', 'not-mysql-error-log']);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(ERROR_LOG);
    expect(choice.kind === 'found' && choice.parser.format).toBe('mysql');
  });
});

describe("mysqld's lines in syslog", () => {
  it('give the same refused logins, at the syslog time, on the host the header names', () => {
    const { events, skips } = parse(SYSLOG);
    expect(skips).toEqual([null, null, null, null, 'not-sshd', null, null]);
    expect(
      events.map((event) => [(event.source as { ip: string }).ip, (event.host as { name: string }).name]),
    ).toEqual([
      ['192.0.2.130', 'db01'],
      ['192.0.2.131', 'db01'],
      ['192.0.2.132', 'db01'],
      ['192.0.2.133', 'db01'],
      // journald's tag for the service's stderr, as the CrowdSec hub's mysql-bf test has it
      ['192.0.2.134', 'ip-172-31-36-243.ap-northeast-2.compute.internal'],
      ['192.0.2.135', 'db01'],
    ]);
    expect(events[1]?.['@timestamp']).toBe('2024-03-04T10:00:01.000Z');
  });
});
