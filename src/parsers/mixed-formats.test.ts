import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { chooseParser, findParser } from './registry.ts';
import { fixtureLines, parseLines } from './testdata/fixture-lines.ts';

const summary = (event: SecurityEvent) => [
  event.event.action,
  event.event.outcome,
  (event.service as { name?: string } | undefined)?.name,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip?: string } | undefined)?.ip,
];

describe('a file of several formats, read by the parsers that fit its lines', () => {
  it("reads Roundcube's errors log interleaved with its syslog lines: every refused login", () => {
    // Written for this test after Roundcube's `IMAP Error: Login failed` message, in its errors log
    // and through syslog: no single format claims more than half of the lines.
    const lines = fixtureLines(new URL('./testdata/mixed-roundcube.log', import.meta.url));
    const choice = chooseParser(lines);
    expect(choice.kind).toBe('found');
    if (choice.kind !== 'found') return;
    expect(choice.parser.format.split('+').sort()).toEqual(['roundcube', 'sshd']);
    expect(choice.scores.every((score) => score.score < 0.5)).toBe(true);
    const { events, skips } = parseLines(choice.parser.create({ year: 2024 }), lines);
    expect(events.map((event) => (event.user as { name: string }).name)).toEqual([
      'admin@example.org',
      'info@example.org',
      'sales@example.org',
      'office@example.org',
      'root@example.org',
      'test@example.org',
    ]);
    expect(events.every((event) => (event.source as { ip: string }).ip === '203.0.113.70')).toBe(true);
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2024-03-04T10:00:01.000Z',
      '2024-03-04T10:00:02.000Z',
      '2024-03-04T10:00:03.000Z',
      '2024-03-04T10:00:04.000Z',
      '2024-03-04T10:00:05.000Z',
      '2024-03-04T10:00:06.000Z',
    ]);
    expect(skips.at(-1)).not.toBeNull();
    // The name a replay gives the mix reads the file the same way as --format.
    const named = findParser(choice.parser.format);
    expect(named?.format).toBe(choice.parser.format);
    expect(
      parseLines((named as NonNullable<typeof named>).create({ year: 2024 }), lines).events,
    ).toHaveLength(6);
  });

  it("reads SOGo's own log, its daemon's lines beside its access lines", () => {
    // Written for this test after SOGo's SOGoRootPage messages and its access lines (times in GMT,
    // the response's and the request's sizes): a bind failure it explains in the next line, a client
    // behind a proxy, a refusal for the password policy alone (bound: 1, the password was right), a
    // success, a user holding a second ` for user '`, and a line through syslog.
    const lines = fixtureLines(new URL('./testdata/sogo.log', import.meta.url));
    const choice = chooseParser(lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('sshd+access-log');
    if (choice.kind !== 'found') return;
    const { events, skips } = parseLines(choice.parser.create({ year: 2024 }), lines);
    const logins = events.filter((event) => event.event.module === 'sogo');
    expect(logins.map(summary)).toEqual([
      ['login', 'failure', 'sogo', 'guest', '203.0.113.80'],
      ['login', 'failure', 'sogo', 'admin', '198.51.100.81'],
      ['login', 'success', 'sogo', 'bob', '203.0.113.83'],
      ['login', 'failure', 'sogo', "x' for user 'y", '203.0.113.84'],
      ['login', 'failure', 'sogo', 'carol', '2001:db8::85'],
    ]);
    expect(logins[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:01.000Z',
      event: { category: ['authentication', 'web'], dataset: 'sogo.log' },
    });
    expect(logins[4]).toMatchObject({ host: { name: 'mail' } });
    expect(skips[0]).toBe('sogo-line-unused');
    expect(skips[5]).toBe('sogo-line-unused');
    // The access lines are requests, as an access log's.
    const requests = events.filter((event) => event.event.module !== 'sogo');
    expect(requests.map((event) => [(event.source as { ip: string }).ip, event['@timestamp']])).toEqual([
      ['203.0.113.80', '2024-03-04T10:00:01.000Z'],
      ['198.51.100.81', '2024-03-04T10:00:05.000Z'],
      ['203.0.113.83', '2024-03-04T10:00:12.000Z'],
    ]);
  });
  it("reads Dovecot's own log lines among its syslog lines, though the syslog reader fits the file alone", () => {
    // Written for this test after Dovecot's login and auth messages: syslog lines (dovecot's, Postfix's,
    // cron's) and lines Dovecot writes to its own log_path, which syslog reads as a program without a
    // host and skips. sshd fits the file alone; dovecot fits its own three lines better.
    const lines = fixtureLines(new URL('./testdata/mixed-dovecot.log', import.meta.url));
    const choice = chooseParser(lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('sshd+dovecot');
    expect(choice.scores.find((score) => score.format === 'sshd')?.score).toBeGreaterThanOrEqual(0.5);
    if (choice.kind !== 'found') return;
    const { events } = parseLines(choice.parser.create({ year: 2024 }), lines);
    const failures = events.filter((event) => event.event.action === 'mail_auth_failure');
    expect(failures.map((event) => (event.user as { name: string }).name)).toEqual([
      'admin',
      'info',
      'sales',
      'office',
      'test',
    ]);
    expect(failures.every((event) => (event.source as { ip: string }).ip === '203.0.113.71')).toBe(true);
    expect(failures.map((event) => event['@timestamp'].slice(11, 19))).toEqual([
      '10:00:01',
      '10:00:04',
      '10:00:05',
      '10:00:06',
      '10:00:08',
    ]);
  });
});
