import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { matchProftpdLogin, readBareProftpdTag } from './match-proftpd-login.ts';

// FTP servers' lines: ProFTPD's in syslog (with and without the colon after its tag) and in its own
// log file, Pure-FTPd's and WU-FTPD's, written for these tests after the messages of ProFTPD's
// mod_auth, Pure-FTPd's and WU-FTPD's sources.
const LINES = readFileSync(new URL('../sshd/testdata/ftp.log', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');

const summary = (event: SecurityEvent) => [
  event.event.action,
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip?: string } | undefined)?.ip,
  event.event.reason,
];

const linesOf = (program: string) => LINES.filter((line) => line.includes(` ${program}`));

describe("ProFTPD's logins", () => {
  const { events, skips } = parse(linesOf('proftpd'));

  it('are read in each form, one event a line, from the address of the header', () => {
    expect(events.map(summary)).toEqual([
      ['ftp_login', 'failure', 'alice', '192.0.2.50', 'Incorrect password'],
      ['ftp_login', 'failure', 'nobody', '192.0.2.51', 'no such user found'],
      ['ftp_login', 'failure', 'bob', '192.0.2.52', 'User in /etc/ftpusers'],
      ['ftp_login', 'failure', 'root', '192.0.2.53', 'root login attempted'],
      // The give-up after failures, each of which had its own line: not a login of its own.
      ['ftp_max_login_attempts', 'failure', undefined, '192.0.2.53', 'Maximum login attempts (3) exceeded'],
      ['ftp_login', 'success', 'alice', '192.0.2.50', undefined],
      ['ftp_login', 'success', 'anonymous', '192.0.2.54', undefined],
      ['ftp_login', 'failure', 'carol', '2001:db8::55', 'no such user found'],
      // A user name holding a header of its own moves neither the address nor the result.
      [
        'ftp_login',
        'failure',
        'x proftpd[1] ftp.example.org (forged[198.51.100.9])',
        '192.0.2.56',
        'no such user found',
      ],
      [
        'ftp_login',
        'failure',
        'y (Login failed): Incorrect password: Login successful',
        '192.0.2.57',
        'Incorrect password',
      ],
      ['ftp_login', 'success', 'z (Login failed): Incorrect password', '192.0.2.58', undefined],
      // ProFTPD's PAM line is PAM's, as any other service's.
      ['pam_auth_failure', 'failure', 'dave', '192.0.2.59', undefined],
    ]);
    expect(skips.slice(-2)).toEqual(['not-sshd', 'not-sshd']);
  });

  it('take the time of the line, and the fields of an FTP login', () => {
    expect(events[7]?.['@timestamp']).toBe('2024-03-04T10:00:08.121Z');
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:01.000Z',
      event: { module: 'proftpd', category: ['authentication'], type: ['start'] },
      process: { name: 'proftpd', pid: 2001 },
      host: { name: 'ftp' },
      service: { name: 'ftp' },
      related: { user: ['alice'], ip: ['192.0.2.50'], hosts: ['ftp'] },
    });
  });
});

describe('matchProftpdLogin', () => {
  it('reads no login from other messages or a garbled header', () => {
    for (const text of [
      'ftp.example.org (192.0.2.61[192.0.2.61]) - FTP session opened.',
      'ftp.example.org (192.0.2.61[not-an-ip]) - USER a (Login failed): Incorrect password',
      'two words (192.0.2.61[192.0.2.61]) - USER a (Login failed): Incorrect password',
      'ftp.example.org (192.0.2.61[192.0.2.61]) USER a (Login failed): Incorrect password',
      'ftp.example.org (192.0.2.61[192.0.2.61]) - USER a: something else',
      `ftp.example.org (192.0.2.61[192.0.2.61]) - USER ${'a'.repeat(300)}: Login successful.`,
    ])
      expect(matchProftpdLogin(text), text).toBeUndefined();
  });

  it('reads the bare tag only as ProFTPD writes it', () => {
    expect(readBareProftpdTag('proftpd[25891] localhost (a[192.0.2.1]): x')).toEqual({
      pid: 25891,
      rest: 'localhost (a[192.0.2.1]): x',
    });
    expect(readBareProftpdTag('proftpd[] x')).toBeUndefined();
    expect(readBareProftpdTag('proftpdx[1] x')).toBeUndefined();
  });
});

describe("Pure-FTPd's logins", () => {
  it('are read from the address Pure-FTPd writes first, the user up to the last bracket', () => {
    const { events, skips } = parse(linesOf('pure-ftpd'));
    expect(events.map(summary)).toEqual([
      ['ftp_login', 'failure', 'admin', '192.0.2.70', 'Authentication failed'],
      [
        'ftp_login',
        'failure',
        'x] [WARNING] Authentication failed for user [y',
        '2001:db8::71',
        'Authentication failed',
      ],
      ['ftp_login', 'success', 'alice', '192.0.2.72', undefined],
    ]);
    // A host name where the address goes (Pure-FTPd without -H), and a line about no login.
    expect(skips).toEqual([null, null, null, 'not-sshd', 'not-sshd']);
    expect(events[0]).toMatchObject({ event: { module: 'pure-ftpd', dataset: 'pure-ftpd.log' } });
  });
});

describe("WU-FTPD's logins", () => {
  it('are a failure from the address in brackets (no user named) and a success with its user', () => {
    const { events, skips } = parse(linesOf('wu-ftpd'));
    expect(events.map(summary)).toEqual([
      ['ftp_login', 'failure', undefined, '192.0.2.80', 'failed login'],
      ['ftp_login', 'success', 'alice', '192.0.2.80', undefined],
    ]);
    expect(skips).toEqual([null, null, 'not-sshd']);
  });
});
