import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

/*
 * PAM's report of a failed password for services that write none of their own (pam_unix's
 * `authentication failure; logname=%s uid=%d euid=%d tty=%s ruser=%s rhost=%s %s%s`, the last two
 * ` user=` and the user when PAM knows it), and the forms fail2ban's pam-generic test log holds.
 */

const line = (program: string, message: string) => `Jul 19 18:11:26 srv2 ${program}: ${message}`;

function read(program: string, message: string) {
  const { events, skips } = parse([line(program, message)]);
  expect(skips).toEqual([null]);
  const [event] = events as [SecurityEvent];
  expect(event.event).toMatchObject({
    action: 'pam_auth_failure',
    outcome: 'failure',
    category: ['authentication'],
  });
  return { service: event.service, user: event.user, source: event.source, process: event.process };
}

describe('PAM authentication failures of other services', () => {
  it('reads the service, the user the client gave and the address', () => {
    expect(
      read(
        'vsftpd[812]',
        'pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=admin rhost=203.0.113.40  user=admin',
      ),
    ).toEqual({
      service: { name: 'vsftpd' },
      user: { name: 'admin' },
      source: { address: '203.0.113.40', ip: '203.0.113.40' },
      process: { name: 'vsftpd', pid: 812 },
    });
  });

  it.each([
    [
      'vsftpd',
      'pam_unix: authentication failure; logname= uid=0 euid=0 tty=ftp ruser=an8767 rhost=www.google.com',
      { address: 'www.google.com', domain: 'www.google.com' },
    ],
    [
      'pure-ftpd',
      '(pam_unix) authentication failure; logname= uid=0 euid=0 tty=pure-ftpd ruser=sample-user rhost=192.168.1.1 ',
      { address: '192.168.1.1', ip: '192.168.1.1' },
    ],
    [
      'dovecot',
      'pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser=bob rhost=::ffff:198.51.100.7  user=bob',
      { address: '::ffff:198.51.100.7', ip: '198.51.100.7' },
    ],
  ])('%s: %s', (program, message, source) => {
    expect(read(program, message).source).toEqual(source);
  });

  it('keeps a local failure (no rhost) without an address', () => {
    expect(
      read(
        'login[1]',
        'pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=/dev/tty1 ruser= rhost=  user=root',
      ),
    ).toMatchObject({ user: { name: 'root' }, source: undefined });
  });

  it('takes the one rhost that ends the fields, not one the client put in ruser', () => {
    expect(
      read(
        'daemon',
        'pam_unix(auth): authentication failure; logname= uid=0 euid=0 tty=xxx ruser=test rhost=192.0.2.151 rhost=192.0.2.1',
      ).source,
    ).toEqual({ address: '192.0.2.1', ip: '192.0.2.1' });
  });

  it('names no address when the client made two that fit', () => {
    const message =
      'pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=x rhost=198.51.100.66  user=y rhost=203.0.113.40  user=x';
    expect(read('vsftpd', message).source).toBeUndefined();
  });

  it.each([
    [
      'su[9]',
      'pam_unix(su:auth): authentication failure; logname=a uid=1000 euid=0 tty=pts/0 ruser=a rhost=  user=root',
      'account-line-unused',
    ],
    [
      'sudo',
      'pam_unix(sudo:auth): authentication failure; logname=a uid=1000 euid=0 tty=/dev/pts/0 ruser=a rhost=  user=a',
      'account-line-unused',
    ],
    ['CRON[9]', 'pam_unix(cron:session): session opened for user root by (uid=0)', 'not-sshd'],
    ['vsftpd', 'pam_unix(vsftpd:session): session opened for user bob', 'not-sshd'],
    ['vsftpd', 'pam_unix(vsftpd:auth): check pass; user unknown', 'not-sshd'],
  ])('%s: leaves %s', (program, message, reason) => {
    expect(parse([line(program, message)]).skips).toEqual([reason]);
  });
});
