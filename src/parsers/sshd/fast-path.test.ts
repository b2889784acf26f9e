import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { createSshdParser, type SshdParserOptions } from './create-sshd-parser.ts';

/*
 * The sshd parser's fast path (header read in place, lines no classifier can use skipped unsliced,
 * a repeated timestamp reused) must give exactly what the plain path (every line parsed whole) gives:
 * the same events with the same times, the same skip counts and the same notes.
 */

const readLines = (url: URL): string[] => readFileSync(url, 'utf8').trimEnd().split('\n');
const REAL = readLines(datasetUrl('sshd/auth.log'));
const VARIANTS = [
  ...readLines(new URL('./testdata/openssh-variants.log', import.meta.url)),
  ...readLines(new URL('./testdata/dropbear.log', import.meta.url)),
  ...readLines(new URL('./testdata/mail-and-old-pam.log', import.meta.url)),
  ...readLines(new URL('./testdata/macos.log', import.meta.url)),
  ...readLines(new URL('./testdata/ftp.log', import.meta.url)),
  ...readLines(new URL('./testdata/apache.log', import.meta.url)),
  ...readLines(new URL('./testdata/mysql.log', import.meta.url)),
  ...readLines(new URL('./testdata/apps.log', import.meta.url)),
];

/** Lines of every shape the parser reads, and near misses of each. */
const SHAPES = [
  'Mar 27 13:06:56 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Mar 27 13:06:56.25 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Mar 27 13:06:56 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2\r',
  'Mar 27 13:06:56 host sshd[7]:\r',
  'Mar 27 13:06:56 host sshd[7]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root',
  'Mar 27 13:06:56 host sshd[7]: pam_unix(sshd:auth): check pass; user unknown',
  'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=203.0.113.9 ',
  'Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown',
  'Mar 27 13:06:56 mx postfix/smtpd[7]: warning: unknown[203.0.113.9]:2525: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
  'Mar 27 13:06:56 mx postfix/smtp[7]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: x',
  'Mar 27 13:06:56 mx dovecot: imap-login: Disconnected (auth failed, 2 attempts in 3 secs): user=<a>, method=PLAIN, rip=203.0.113.9, lip=192.0.2.1',
  'Mar 27 13:06:56 mx dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=203.0.113.9',
  'Jun 14 15:16:02 combo login(pam_unix)[1937]: authentication failure; logname= uid=0 euid=0 tty=tty1 ruser= rhost=  user=root',
  'Jun 14 15:16:02 combo (pam_unix)[1937]: authentication failure; rhost=203.0.113.9',
  'Jun 14 15:16:02 combo sudo(pam_unix)[1937]: authentication failure; logname=bob uid=1000 euid=0 tty=pts/1 ruser= rhost=  user=bob',
  'Mar 27 13:06:56 host sshd[7]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root',
  'Mar 27 13:06:56 host sshd[7]: PAM 0 more authentication failures; rhost=203.0.113.9  user=root',
  'Mar 27 13:06:56 host sshd[7]: PAM service(sshd) ignoring max retries; 6 > 3',
  'Mar 27 13:06:57 host sshd[7]: message repeated 3 times: [ Failed password for root from 203.0.113.9 port 22 ssh2]',
  'Mar 27 13:06:57 host sshd[7]: message repeated 0 times: [ Failed password for root from 203.0.113.9 port 22 ssh2]',
  'Mar 27 13:06:58 host last message repeated 2 times',
  'Mar 27 13:06:58 host sshd[7]: [ID 800047 auth.info] Failed keyboard-interactive for bob from 203.0.113.9 port 22 ssh2',
  'Mar 27 13:06:58 sshd[7]: Invalid user admin from 203.0.113.9 port 4242',
  'Mar 27 13:06:58 host sshd-session[8]: Connection closed by authenticating user root 203.0.113.9 port 22 [preauth]',
  'Mar 27 13:06:58 host sshd-auth[8]: Received disconnect from 203.0.113.9 port 22:11: Bye Bye [preauth]',
  'Mar 27 13:06:58 host sshd-sessions[8]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Mar 27 13:06:58 host ssh[8]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Mar 27 13:06:58 host sshd: Failed password for root from 203.0.113.9 port 22 ssh2',
  "Mar 27 13:06:58 host dropbear[9]: Bad password attempt for 'root' from 203.0.113.9:4242",
  "Mar 27 13:06:58 host dropbear[9]: bad PAM password attempt for '<invalid username>' from 203.0.113.9:4242",
  'Mar 27 13:06:58 host dropbear[9]: Login attempt for nonexistent user from 2001:db8::9:4242',
  "Mar 27 13:06:58 host dropbear[9]: Exit before auth from <203.0.113.9:4242>: (user 'root', 3 fails): Max auth tries reached - user 'root'",
  'Mar 27 13:06:58 host dropbear[9]: Exit before auth from <203.0.113.9:4242>: Exited normally',
  'Mar 27 13:06:58 host dropbear[9]: Child connection from 203.0.113.9:4242',
  'Mar 27 13:06:58 host dropbear[9]: Failed password for root from 203.0.113.9 port 22 ssh2',
  "Mar 27 13:06:58 host sshd[9]: Bad password attempt for 'root' from 203.0.113.9:4242",
  "Mar 27 13:06:58 host dropbearx[9]: Bad password attempt for 'root' from 203.0.113.9:4242",
  'Mar 27 13:06:58 host sudo:   alice : user NOT in sudoers ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/bash',
  'Mar 27 13:06:58 host sudo: pam_unix(sudo:session): session opened for user root by alice(uid=0)',
  'Mar 27 13:06:58 host su[9]: FAILED SU (to root) alice on pts/3',
  'Mar 27 13:06:58 host useradd[9]: new user: name=x, UID=1001, GID=1001, home=/home/x, shell=/bin/sh',
  "Mar 27 13:06:58 host usermod[9]: add 'x' to group 'sudo'",
  'Mar 27 13:06:58 host sudoers[9]: alice : TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/bash',
  'Mar 27 13:06:58 host vsftpd[9]: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=a rhost=203.0.113.9  user=a',
  'Mar 27 13:06:58 host login[9]: pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=/dev/tty1 ruser= rhost= ',
  'Mar 27 13:06:58 host su[9]: pam_unix(su:auth): authentication failure; logname=a uid=1000 euid=0 tty=pts/0 ruser=a rhost=  user=root',
  'Mar 27 13:06:58 host CRON[9]: pam_unix(cron:session): session opened for user root by (uid=0)',
  'Mar 27 13:06:58host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Dec 31 23:59:59 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  'Jan  1 00:00:00 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  '<38>Mar 27 13:06:56 host sshd[7]: Failed password for root from 203.0.113.9 port 22 ssh2',
  '<38>1 2024-03-04T10:00:01.123456Z deb sshd 136 - - Failed password for root from 203.0.113.41 port 40021 ssh2',
  '<13>1 - host sshd 1 - - Failed password for root from 1.2.3.4 port 22 ssh2',
  '2024-03-04T10:00:01+02:00 host sshd[3]: Accepted publickey for git from 198.51.100.7 port 2222 ssh2: RSA SHA256:abc',
  '{"MESSAGE":"Failed password for root from 203.0.113.9 port 22 ssh2","SYSLOG_IDENTIFIER":"sshd","_PID":"5","__REALTIME_TIMESTAMP":"1700000000123456","_HOSTNAME":"j"}',
  '{"MESSAGE":"Failed',
  '',
  ' ',
  'garbage',
];

interface Replayed {
  events: Array<[SecurityEvent, number]>;
  skipped: Record<string, number>;
  notes: string[];
}

function replay(lines: readonly string[], options: SshdParserOptions): Replayed {
  const parser = createSshdParser(options);
  const events: Array<[SecurityEvent, number]> = [];
  const skipped: Record<string, number> = {};
  for (const line of lines) {
    const reason = parser.parseLine(line, (event, ts) => events.push([event, ts]));
    if (reason !== null) skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { events, skipped, notes: parser.notes() };
}

function expectSameBothWays(lines: readonly string[], options: SshdParserOptions): Replayed {
  const fast = replay(lines, options);
  expect(fast).toStrictEqual(replay(lines, { ...options, plain: true }));
  return fast;
}

/** Damages a line the way a torn write, a bad disk or an attacker could. */
function damage(line: string, seed: number): string {
  const at = seed % (line.length + 1);
  switch (seed % 7) {
    case 0:
      return line.slice(0, at);
    case 1:
      return `${line.slice(0, at)}\r`;
    case 2:
      return `${line.slice(0, at)}${line.slice(at + 1)}`;
    case 3:
      return `${line.slice(0, at)}\u0000\uFFFD${line.slice(at)}`;
    case 4:
      return `${line.slice(0, at)} ${line.slice(at)}`;
    case 5:
      return line.slice(at);
    default:
      return `${line.slice(0, at)}:[]${line.slice(at)}`;
  }
}

describe('the sshd fast path gives what the plain path gives', () => {
  it('on the real auth.log, with the year given or inferred from the file time', () => {
    const fast = expectSameBothWays(REAL, { year: 2017 });
    expect(fast.events.length).toBeGreaterThan(2000);
    expect(fast.skipped['not-sshd']).toBeGreaterThan(1000);
    expectSameBothWays(REAL, { referenceTime: Date.parse('2017-04-21T00:00:00Z'), inputName: 'auth.log' });
  });

  it('on OpenSSH variants and lines of every shape, repeats and year turns included', () => {
    expectSameBothWays([...VARIANTS, ...SHAPES, ...SHAPES], { year: 2024 });
    expectSameBothWays([...SHAPES].reverse(), { referenceTime: Date.parse('2024-01-01T00:00:00Z') });
  });

  it('on the real auth.log with every line damaged somewhere', () => {
    const damaged = REAL.map((line, index) => damage(line, index * 7919 + 13));
    expectSameBothWays(damaged, { year: 2017 });
    expectSameBothWays(
      REAL.flatMap((line, index) => [line, damage(line, index)]),
      { year: 2017 },
    );
  });

  it('on random mixes of real, damaged and odd lines', () => {
    const line = fc.oneof(
      fc.constantFrom(...REAL.slice(0, 400), ...VARIANTS, ...SHAPES),
      fc
        .tuple(fc.constantFrom(...SHAPES, ...REAL.slice(0, 200)), fc.nat())
        .map(([text, seed]) => damage(text, seed)),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), (lines, fixedYear) => {
        const options = fixedYear ? { year: 2023 } : { referenceTime: Date.parse('2024-02-01T00:00:00Z') };
        expectSameBothWays(lines, options);
      }),
      { numRuns: 300, seed: 1313 },
    );
  });
});
