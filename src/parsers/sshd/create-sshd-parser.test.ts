import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { createSshdParser, type SshdParserOptions } from './create-sshd-parser.ts';

function parseAll(
  lines: string[],
  options: SshdParserOptions = { year: 2017 },
): { events: SecurityEvent[]; skips: (string | null)[] } {
  const parser = createSshdParser(options);
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}

const FAILED_LINE =
  'Mar 29 23:18:31 ip-10-77-20-248 sshd[6402]: Failed password for invalid user admin from 218.60.136.106 port 56338 ssh2';

describe('createSshdParser', () => {
  it('builds a Filebeat-shaped event for a failed password', () => {
    const { events, skips } = parseAll([FAILED_LINE]);
    expect(skips).toEqual([null]);
    expect(events).toEqual([
      {
        '@timestamp': '2017-03-29T23:18:31.000Z',
        event: {
          original: FAILED_LINE,
          kind: 'event',
          module: 'system',
          dataset: 'system.auth',
          category: ['authentication'],
          type: ['info'],
          action: 'ssh_login',
          outcome: 'failure',
        },
        host: { hostname: 'ip-10-77-20-248', name: 'ip-10-77-20-248' },
        process: { name: 'sshd', pid: 6402 },
        message: 'Failed password for invalid user admin from 218.60.136.106 port 56338 ssh2',
        user: { name: 'admin' },
        source: { address: '218.60.136.106', ip: '218.60.136.106', port: 56338 },
        system: { auth: { ssh: { event: 'Failed', method: 'password' } } },
        related: { user: ['admin'], ip: ['218.60.136.106'], hosts: ['ip-10-77-20-248'] },
      },
    ]);
  });

  it('categorises an accepted login as authentication and session, outcome success', () => {
    const { events } = parseAll([
      'Mar 27 13:08:09 ip-10-77-20-248 sshd[1361]: Accepted password for ubuntu from 85.245.107.41 port 54259 ssh2',
    ]);
    expect(events[0]?.event).toMatchObject({ category: ['authentication', 'session'], outcome: 'success' });
    expect(events[0]?.system).toEqual({ auth: { ssh: { event: 'Accepted', method: 'password' } } });
  });

  it('emits five separate events for a message repeated 5 times, each with the raw line', () => {
    const line =
      'Mar 29 23:18:33 ip-10-77-20-248 sshd[6402]: message repeated 5 times: [ Failed password for root from 218.60.136.106 port 56338 ssh2]';
    const { events, skips } = parseAll([line]);
    expect(skips).toEqual([null]);
    expect(events).toHaveLength(5);
    expect(new Set(events).size).toBe(5);
    for (const event of events) {
      expect(event.event.original).toBe(line);
      expect(event.message).toBe('Failed password for root from 218.60.136.106 port 56338 ssh2');
      expect(event).toMatchObject({ user: { name: 'root' }, system: { auth: { ssh: { event: 'Failed' } } } });
    }
  });

  it('skips a repeated message that is not about authentication', () => {
    const { events, skips } = parseAll([
      'Mar 29 23:18:33 host sshd[1]: message repeated 2 times: [ Received disconnect from 1.2.3.4 port 5:11: Bye]',
    ]);
    expect(events).toEqual([]);
    expect(skips).toEqual(['sshd-not-auth']);
  });

  it('reports a garbled repeat count as malformed', () => {
    const { skips } = parseAll([
      'Mar 29 23:18:33 host sshd[1]: message repeated many times: [ Failed password for root from 1.2.3.4 port 5 ssh2]',
      'Mar 29 23:18:33 host sshd[1]: message repeated 999999 times: [ Failed password for root from 1.2.3.4 port 5 ssh2]',
    ]);
    expect(skips).toEqual(['malformed-sshd-message', 'malformed-sshd-message']);
  });

  it('gives each skip its reason', () => {
    const { events, skips } = parseAll([
      'Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Server listening on 0.0.0.0 port 22.',
      'Mar 27 13:17:01 ip-10-77-20-248 CRON[1]: pam_unix(cron:session): session opened for user root by (uid=0)',
      'Mar 27 13:09:37 ip-10-77-20-248 sudo: pam_unix(sudo:session): session closed for user root',
      'not a syslog line',
      '',
      'Mar 27 13:06:56 ip-10-77-20-248 sshd[9]: Failed password for root from 1.2.3.4 port 99999 ssh2',
      '<13>1 - host sshd 1 - - Failed password for root from 1.2.3.4 port 22 ssh2',
    ]);
    expect(events).toEqual([]);
    expect(skips).toEqual([
      'sshd-not-auth',
      'not-sshd',
      'account-line-unused',
      'not-syslog',
      'not-syslog',
      'malformed-sshd-message',
      'syslog-without-time',
    ]);
  });

  it('keeps a close before authentication only on a connection that logged no authentication before', () => {
    // Written for this test after OpenSSH's messages: a scanner's connection (7.5+ names no user only
    // when the client sent none), a guesser's under OpenSSH before 7.5 (the same close after its
    // Failed line), one that named an invalid user, and a pid used again after sshd forgot it.
    const { events, skips } = parseAll([
      'Mar 29 10:00:00 srv sshd[200]: Connection closed by 198.51.100.20 port 40000 [preauth]',
      'Mar 29 10:00:01 srv sshd[201]: Failed password for root from 198.51.100.21 port 40001 ssh2',
      'Mar 29 10:00:02 srv sshd[201]: Connection closed by 198.51.100.21 [preauth]',
      'Mar 29 10:00:03 srv sshd[202]: Invalid user 0 from 198.51.100.22',
      'Mar 29 10:00:03 srv sshd[202]: Connection reset by 198.51.100.22 port 40002 [preauth]',
      'Mar 29 11:00:00 srv sshd[201]: Connection reset by 198.51.100.23 port 40003 [preauth]',
    ]);
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.category]),
    ).toEqual([
      ['ssh_closed_before_auth', '198.51.100.20', ['network']],
      ['ssh_login', '198.51.100.21', ['authentication']],
      ['ssh_login', '198.51.100.22', ['authentication']],
      ['ssh_closed_before_auth', '198.51.100.23', ['network']],
    ]);
    expect(skips).toEqual([null, null, 'sshd-not-auth', null, 'sshd-not-auth', null]);
  });

  it('reads the variants fixture: sshd-session, ISO and RFC 5424 prefixes, IPv6, host names, repeats', () => {
    const lines = readFileSync(new URL('./testdata/openssh-variants.log', import.meta.url), 'utf8')
      .trimEnd()
      .split('\n');
    const { events, skips } = parseAll(lines, { year: 2025 });
    expect(skips).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'sshd-not-auth',
      null,
      null,
      null,
      null,
      'not-sshd',
      'not-sshd',
      'malformed-sshd-message',
      'not-syslog',
    ]);
    const summary = events.map((event) => [
      event.event.action,
      (event.system as { auth: { ssh: { event: string } } } | undefined)?.auth.ssh.event,
      (event.source as { ip?: string; domain?: string } | undefined)?.ip ??
        (event.source as { domain?: string } | undefined)?.domain,
      event['@timestamp'],
    ]);
    expect(summary).toEqual([
      ['ssh_login', 'Invalid', '2001:db8:4::17', '2025-01-14T09:12:01.482Z'],
      ['ssh_login', 'Failed', '2001:db8:4::17', '2025-01-14T09:12:03.104Z'],
      ['ssh_preauth_close', undefined, '2001:db8:4::17', '2025-01-14T09:12:06.991Z'],
      ['ssh_login', 'Failed', '198.51.100.23', '2025-01-14T08:13:40.000Z'],
      ['ssh_login', 'Failed', '198.51.100.23', '2025-01-14T08:13:41.000Z'],
      ['ssh_login', 'Failed', '198.51.100.23', '2025-01-14T08:13:41.000Z'],
      ['ssh_too_many_auth_failures', undefined, '198.51.100.23', '2025-01-14T08:13:45.000Z'],
      ['ssh_login', 'Accepted', 'gw.example.org', '2025-01-14T09:20:00.250Z'],
      // Alone on their connections, a refusal is the attempt (see count-attempts.ts).
      ['ssh_login', 'Failed', '203.0.113.50', '2025-01-14T09:21:00.000Z'],
      ['ssh_login', 'Failed', '203.0.113.51', '2025-01-14T09:21:05.000Z'],
      ['ssh_login', 'Failed', '203.0.113.52', '2025-01-14T09:22:00.000Z'],
      ['ssh_login', 'Failed', '203.0.113.52', '2025-01-14T09:22:00.000Z'],
      ['ssh_login', 'Failed', '203.0.113.52', '2025-01-14T09:22:00.000Z'],
      ['ssh_login', 'Failed', '203.0.113.52', '2025-01-14T09:22:00.000Z'],
    ]);
    expect(events[0]?.process).toEqual({ name: 'sshd-session', pid: 2311 });
    expect(events[3]?.source).toEqual({ address: '::ffff:198.51.100.23', ip: '198.51.100.23', port: 33210 });
    expect(events[7]?.source).toEqual({ address: 'gw.example.org', domain: 'gw.example.org', port: 61000 });
    expect(events[7]?.related).toEqual({ user: ['ops'], hosts: ['bastion'] });
    expect(events[8]?.event.reason).toBe('not listed in AllowUsers');
  });

  it('gives sysklogd repeats the message and process of the line before', () => {
    const { events } = parseAll([
      'Jan 14 09:22:00 bastion sshd[813]: Failed password for guest from 203.0.113.52 port 1000 ssh2',
      'Jan 14 09:22:30 bastion last message repeated 2 times',
    ]);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({
      '@timestamp': '2017-01-14T09:22:30.000Z',
      process: { name: 'sshd', pid: 813 },
      message: 'Failed password for guest from 203.0.113.52 port 1000 ssh2',
      event: { original: 'Jan 14 09:22:30 bastion last message repeated 2 times' },
    });
  });

  it('repeats only the line used last, with its own host, pid and message, in events of their own', () => {
    for (const plain of [false, true]) {
      const { events, skips } = parseAll(
        [
          'Jan 14 09:22:00 h1 sshd[1]: Failed password for guest from 203.0.113.52 port 1000 ssh2',
          'Jan 14 09:22:01 h1 sshd[1]: input_userauth_request: invalid user x [preauth]',
          'Jan 14 09:22:02 h1 last message repeated 2 times',
          '<38>1 2017-01-14T09:22:03Z h2 sshd 2 - - Accepted password for bob from 198.51.100.7 port 22 ssh2',
          'Jan 14 09:22:04 h2 last message repeated 1 time',
          'Jan 14 09:22:05 h2 last message repeated 1 time',
          'Jan 14 09:22:06 h3 sshd: Failed password for root from 192.0.2.1 port 22 ssh2',
          'Jan 14 09:22:07 h3 CRON[9]: pam_unix(cron:session): session opened for user root',
          'Jan 14 09:22:08 h3 last message repeated 3 times',
        ],
        { year: 2017, plain },
      );
      expect(skips).toEqual([
        null,
        'sshd-not-auth',
        'not-sshd',
        null,
        null,
        'not-sshd',
        null,
        'not-sshd',
        'not-sshd',
      ]);
      const heads = events.map((event) => [event['@timestamp'], event.host, event.process, event.message]);
      expect(heads).toEqual([
        [
          '2017-01-14T09:22:00.000Z',
          { hostname: 'h1', name: 'h1' },
          { name: 'sshd', pid: 1 },
          expect.any(String),
        ],
        [
          '2017-01-14T09:22:03.000Z',
          { hostname: 'h2', name: 'h2' },
          { name: 'sshd', pid: 2 },
          expect.any(String),
        ],
        [
          '2017-01-14T09:22:04.000Z',
          { hostname: 'h2', name: 'h2' },
          { name: 'sshd', pid: 2 },
          expect.any(String),
        ],
        ['2017-01-14T09:22:06.000Z', { hostname: 'h3', name: 'h3' }, { name: 'sshd' }, expect.any(String)],
      ]);
      expect(events[2]?.message).toBe('Accepted password for bob from 198.51.100.7 port 22 ssh2');
      expect(events[1]?.process).not.toBe(events[2]?.process);
    }
  });

  it('dates lines across the new year with an explicit year', () => {
    const { events } = parseAll([
      'Dec 31 23:59:59 h sshd[1]: Failed password for root from 1.2.3.4 port 5 ssh2',
      'Jan  1 00:00:01 h sshd[1]: Failed password for root from 1.2.3.4 port 5 ssh2',
    ]);
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2017-12-31T23:59:59.000Z',
      '2018-01-01T00:00:01.000Z',
    ]);
  });

  it('notes once how it inferred the year from the reference time', () => {
    const parser = createSshdParser({ referenceTime: Date.UTC(2026, 0, 2), inputName: '/var/log/auth.log' });
    const events: SecurityEvent[] = [];
    for (const line of [
      'Dec 30 10:00:00 h sshd[1]: Failed password for root from 1.2.3.4 port 5 ssh2',
      'Jan  1 10:00:00 h sshd[1]: Failed password for root from 1.2.3.4 port 5 ssh2',
    ]) {
      parser.parseLine(line, (event) => events.push(event));
    }
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2025-12-30T10:00:00.000Z',
      '2026-01-01T10:00:00.000Z',
    ]);
    expect(parser.notes()).toEqual([
      "year not in the log: inferred 2025-2026 from auth.log's modification time; pass --year to override",
    ]);
  });

  it('has no notes when the year was given', () => {
    const parser = createSshdParser({ year: 2017 });
    parser.parseLine(FAILED_LINE, () => {});
    expect(parser.notes()).toEqual([]);
  });
});
