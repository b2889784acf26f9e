import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { postgresqlParser } from './index.ts';

// PostgreSQL server log lines written for these tests after its auth.c and postmaster messages, its
// default log_line_prefix (`%m [%p] `), Debian's (`%m [%p] %q%u@%d `), `%n`'s and jsonlog's (15 on).
const LOG = fixtureLines(new URL('./testdata/postgresql.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip?: string } | undefined)?.ip,
  event.event.reason,
];

describe("PostgreSQL's server log", () => {
  const parser = postgresqlParser.create({});
  const { events, skips } = parseLines(parser, LOG);
  const logins = events.filter((event) => event.event.action === 'postgresql_login');

  it('gives each login with the address its message or its session names', () => {
    expect(logins.map(summary)).toEqual([
      ['2024-03-04T10:00:00.105Z', 'failure', 'postgres', '203.0.113.170', 'password authentication failed'],
      ['2024-03-04T10:00:01.230Z', 'failure', 'admin', '2001:db8::171', 'password authentication failed'],
      ['2024-03-04T10:00:02.000Z', 'failure', 'root', '198.51.100.172', 'no pg_hba.conf entry'],
      ['2024-03-04T10:00:03.000Z', 'failure', 'sa', '198.51.100.173', 'pg_hba.conf rejects connection'],
      // CET is an hour ahead of UTC.
      ['2024-03-04T10:00:04.010Z', 'failure', 'oracle', '203.0.113.174', 'role does not exist'],
      // A Unix socket: no address.
      ['2024-03-04T10:00:05.010Z', 'success', 'app', undefined, 'connection authorized'],
      // No session line before it: counted per account only.
      ['2024-03-04T10:00:09.500Z', 'failure', 'bob', undefined, 'password authentication failed'],
      ['2024-03-04T10:00:10.123Z', 'failure', 'postgres', '203.0.113.176', 'password authentication failed'],
      // IST names three zones: read as a time without one (UTC unless --timezone says otherwise).
      ['2024-03-04T10:00:11.010Z', 'failure', 'guest', '203.0.113.178', 'password authentication failed'],
    ]);
    expect(logins[0]).toMatchObject({
      event: { category: ['authentication', 'database'], module: 'postgresql', dataset: 'postgresql.log' },
      service: { name: 'postgresql' },
    });
  });

  it('reads a line whose user name holds messages of its own as a forged line, with its session address too', () => {
    const forged = events.filter((event) => event.event.action === 'log_address_forged');
    expect(forged).toHaveLength(1);
    expect(forged[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:06.010Z',
      event: { module: 'postgresql', original: LOG[12] },
      related: { ip: ['203.0.113.175', '192.0.2.9'] },
    });
  });

  it('skips session lines, other messages, and lines that are not its own', () => {
    expect(skips).toEqual([
      'postgresql-line-unused',
      null,
      'postgresql-line-unused', // DETAIL: the failure's detail
      'postgresql-line-unused',
      null,
      null,
      null,
      'postgresql-line-unused',
      null,
      'postgresql-line-unused',
      null,
      'postgresql-line-unused',
      null,
      'postgresql-line-unused',
      'postgresql-line-unused',
      null,
      null,
      'postgresql-line-unused',
      null,
      // A message's next line, which PostgreSQL starts with a tab: never a message of its own.
      'not-postgresql-log',
    ]);
  });

  it('reads the pg_hba.conf refusals of replication connections, which name no database', () => {
    const { events } = parseLines(postgresqlParser.create({}), [
      '2024-03-04 10:00:12.000 UTC [4112] FATAL:  no pg_hba.conf entry for replication connection from host "198.51.100.181", user "repl", SSL off',
      '2024-03-04 10:00:13.000 UTC [4113] FATAL:  pg_hba.conf rejects replication connection for host "198.51.100.182", user "repl", no encryption',
    ]);
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:12.000Z', 'failure', 'repl', '198.51.100.181', 'no pg_hba.conf entry'],
      ['2024-03-04T10:00:13.000Z', 'failure', 'repl', '198.51.100.182', 'pg_hba.conf rejects connection'],
    ]);
  });

  it('reads times without a zone, or with one naming several, in --timezone', () => {
    const berlin = parseLines(postgresqlParser.create({ timeZone: 'Asia/Kolkata' }), LOG.slice(17, 19));
    expect(berlin.events.map((event) => event['@timestamp'])).toEqual(['2024-03-04T04:30:11.010Z']);
  });

  it('is recognised by its lines, in either form', () => {
    for (const lines of [LOG.slice(0, 15), LOG.slice(16, 17)]) {
      const choice = chooseParser(lines);
      expect(choice.kind === 'found' && choice.parser.format).toBe('postgresql');
    }
  });
});

/** A csvlog record as PostgreSQL writes it: the fields it quotes quoted, quotes in them doubled. */
function csvlog(
  time: string,
  user: string,
  pid: number,
  from: string,
  severity: string,
  message: string,
): string {
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const session = `${pid.toString(16)}.1`;
  return [
    time,
    quoted(user),
    quoted('postgres'),
    pid,
    quoted(from),
    session,
    1,
    quoted('authentication'),
    time,
    '3/1',
    0,
    severity,
    '28P01',
    quoted(message),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    quoted(''),
    quoted('client backend'),
    '',
    0,
  ].join(',');
}

describe('PostgreSQL log_line_prefixes naming the client before the user', () => {
  // The first two lines are the CrowdSec hub's pgsql-logs test lines (`%m [%p] %h %u@%d ` and Amazon
  // RDS's `%t:%r:%u@%d:[%p]:`); the others were written for this test after them.
  const PREFIXES = fixtureLines(new URL('./testdata/client-prefixes.log', import.meta.url));
  const { events, skips } = parseLines(postgresqlParser.create({}), PREFIXES);

  it("reads the address from `%h` when the message quotes the prefix's user, and from RDS's `%r`", () => {
    expect(events.map((event) => [event.event.action, ...summary(event).slice(1, 4)])).toEqual([
      ['postgresql_login', 'failure', 'i_dont_exist', '1.2.3.4'],
      ['postgresql_login', 'failure', 'i_dont_exist', '1.2.3.4'],
      // Debian's `%q%u@%d ` with a user named `ADDR x`: the message quotes the whole name, so the
      // prefix's first word is the user's, not the client's.
      ['postgresql_login', 'failure', '203.0.113.190 x', undefined],
      // `[local]`: a Unix socket.
      ['postgresql_login', 'success', 'postgres', undefined],
      // A user holding RDS's marker writes a second message: a forged line, with the `%r` address.
      ['log_address_forged', undefined, undefined, undefined],
      ['postgresql_login', 'failure', 'bob', '203.0.113.192'],
    ]);
    expect(events[4]).toMatchObject({ related: { ip: ['2001:db8::191'] } });
    expect(skips.at(-1)).toBe('postgresql-line-unused');
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(PREFIXES);
    expect(choice.kind === 'found' && choice.parser.format).toBe('postgresql');
  });
});

describe("PostgreSQL's csvlog", () => {
  const at = (second: number) => `2024-03-04 10:00:${second}.000 UTC`;
  const failed = (user: string) => `password authentication failed for user "${user}"`;

  it('reads each record from its connection_from, whatever its quoted fields hold, lines and all', () => {
    // A record of the attacker's making, which a client would write into a statement after a line break.
    const forged = csvlog(at(21), 'root', 4122, '192.0.2.9:1', 'FATAL', failed('root'));
    const lines = [
      csvlog(
        at(20),
        '',
        4120,
        '203.0.113.190:51020',
        'LOG',
        'connection received: host=203.0.113.190 port=51020',
      ),
      csvlog(at(20), 'postgres', 4120, '203.0.113.190:51020', 'FATAL', failed('postgres')),
      ...csvlog(at(21), 'app', 4121, '2001:db8::191:51021', 'LOG', `statement: SELECT 1;\n${forged}`).split(
        '\n',
      ),
      csvlog(at(22), 'bob', 4121, '2001:db8::191:51021', 'FATAL', failed('bob')),
      csvlog(at(23), 'cut', 4124, '203.0.113.192:1', 'FATAL', failed('cut')).slice(0, 60),
    ];
    const parser = postgresqlParser.create({});
    const events: SecurityEvent[] = [];
    const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
    parser.finish?.((event) => events.push(event));
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:20.000Z', 'failure', 'postgres', '203.0.113.190', 'password authentication failed'],
      ['2024-03-04T10:00:22.000Z', 'failure', 'bob', '2001:db8::191', 'password authentication failed'],
    ]);
    expect(skips).toEqual(['postgresql-line-unused', null, null, 'postgresql-line-unused', null, null]);
    expect(parser.notes()).toEqual(['1 csvlog record cut short by the end of the input']);
    const choice = chooseParser(lines.slice(0, 2));
    expect(choice.kind === 'found' && choice.parser.format).toBe('postgresql');
  });
});

describe("PostgreSQL's lines in syslog, read by the sshd parser", () => {
  it('are the same logins, their session from the syslog header, a message continued never read', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:12 db1 postgres[4112]: [3-1] 2024-03-04 10:00:12.000 UTC [4112] LOG:  connection received: host=203.0.113.179 port=51012',
      'Mar  4 10:00:12 db1 postgres[4112]: [4-1] 2024-03-04 10:00:12.010 UTC [4112] FATAL:  password authentication failed for user "postgres"',
      'Mar  4 10:00:12 db1 postgres[4112]: [4-2] #011FATAL:  no pg_hba.conf entry for host "192.0.2.10", user "x"',
      'Mar  4 10:00:13 db1 postgres[4113]: [5-1] FATAL:  no pg_hba.conf entry for host "198.51.100.180", user "root", database "root", SSL off',
    ]);
    expect(skips).toEqual(['postgresql-line-unused', null, 'not-sshd', null]);
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:12.000Z', 'failure', 'postgres', '203.0.113.179', 'password authentication failed'],
      ['2024-03-04T10:00:13.000Z', 'failure', 'root', '198.51.100.180', 'no pg_hba.conf entry'],
    ]);
    expect(events[0]).toMatchObject({ host: { name: 'db1' }, service: { name: 'postgresql' } });
  });
});
