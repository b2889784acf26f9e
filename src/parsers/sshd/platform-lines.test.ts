import { describe, expect, it } from 'vitest';
import { parse, row, type Row } from './testdata/sshd-rows.ts';

/*
 * Failure lines as OpenSSH writes them on Linux, the BSDs, macOS and Solaris, through classic syslog,
 * rsyslog's high-precision format, RFC 5424 and journald's JSON export. The lines are written for this
 * test after the formats in OpenSSH's auth.c/auth2.c/auth-pam.c/sshd.c log calls (addresses from the
 * documentation ranges). "counted" is what brute-force rules count: ssh_login with ssh event Failed.
 */
describe('sshd failure lines, each alone on its connection', () => {
  it.each<[string, Row]>([
    [
      'Mar  4 10:00:01 deb sshd[101]: Failed password for alice from 192.0.2.10 port 40001 ssh2',
      row('ssh_login', 'alice', '192.0.2.10', 40001, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[102]: Failed password for invalid user bogus from 192.0.2.11 port 40002 ssh2',
      row('ssh_login', 'bogus', '192.0.2.11', 40002, true),
    ],
    [
      'Mar  4 10:00:01 old sshd[103]: Failed password for carol from 192.0.2.12 port 40003 ssh1',
      row('ssh_login', 'carol', '192.0.2.12', 40003, true),
    ],
    [
      'Mar  4 10:00:01 old sshd[104]: Failed password for carol from 192.0.2.13',
      row('ssh_login', 'carol', '192.0.2.13', undefined, true),
    ],
    [
      'Mar  4 10:00:01 old sshd[105]: Failed password for carol from 2001:db8::13',
      row('ssh_login', 'carol', '2001:db8::13', undefined, true),
    ],
    [
      'Mar  4 10:00:01 old sshd[106]: Failed password for carol from 192.0.2.14 port 40004',
      row('ssh_login', 'carol', '192.0.2.14', 40004, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[107]: Failed keyboard-interactive/pam for invalid user dave from 2001:db8::20 port 40005 ssh2',
      row('ssh_login', 'dave', '2001:db8::20', 40005, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[108]: Failed none for invalid user eve from ::ffff:198.51.100.7 port 40006 ssh2',
      row('ssh_login', 'eve', '198.51.100.7', 40006, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[109]: Failed hostbased for frank from 198.51.100.8 port 40007 ssh2: ECDSA SHA256:abcdefgh, client user "frank", client host "ws.example.net"',
      row('ssh_login', 'frank', '198.51.100.8', 40007, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[110]: Failed password for grace from 198.51.100.9 port 40008 ssh1: ruser grace from 203.0.113.99',
      row('ssh_login', 'grace', '198.51.100.9', 40008, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[110]: Failed password for invalid user kim from 127.0.0.1 port 40030 ssh2: from 198.51.100.66 port 1 ssh2',
      row('ssh_login', 'kim', '127.0.0.1', 40030, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[110]: Failed password for invalid user lee from 198.51.100.67 port 1 ssh2 from 127.0.0.1 port 40031 ssh2',
      row('ssh_login', 'lee from 198.51.100.67 port 1 ssh2', '127.0.0.1', 40031, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[111]: Failed password for heidi from gw.example.org port 40009 ssh2',
      row('ssh_login', 'heidi', undefined, 40009, true, 'gw.example.org'),
    ],
    [
      'Mar  4 10:00:01 deb sshd[112]: Failed publickey for ivan from 198.51.100.10 port 40010 ssh2: ED25519 SHA256:zzzz',
      row('ssh_publickey_rejected', 'ivan', '198.51.100.10', 40010, false),
    ],
    [
      'Mar  4 10:00:01 sol sshd[113]: [ID 800047 auth.info] Failed keyboard-interactive for judy from 203.0.113.20 port 40011 ssh2',
      row('ssh_login', 'judy', '203.0.113.20', 40011, true),
    ],
    [
      'Mar  4 10:00:01 sol sshd[114]: [ID 800047 auth.notice] Failed password for <invalid username> from 203.0.113.21 port 40012 ssh2',
      row('ssh_login', undefined, '203.0.113.21', 40012, true),
    ],
    [
      'Mar  4 10:00:01 bsd sshd[115]: error: PAM: Authentication failure for mallory from 203.0.113.22',
      row('ssh_login', 'mallory', '203.0.113.22', undefined, true),
    ],
    [
      'Mar  4 10:00:01 bsd sshd[116]: error: PAM: authentication error for illegal user nobody1 from scan.example.com',
      row('ssh_login', 'nobody1', undefined, undefined, true, 'scan.example.com'),
    ],
    [
      'Mar  4 10:00:01 mac.local sshd[117]: error: PAM: authentication error for olivia from 203.0.113.23 via 10.0.0.2',
      row('ssh_login', 'olivia', '203.0.113.23', undefined, true),
    ],
    [
      'Mar  4 10:00:01 bsd sshd[118]: error: PAM: User not known to the underlying authentication module for illegal user pat from 2001:db8::24',
      row('ssh_login', 'pat', '2001:db8::24', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[119]: User quinn from 203.0.113.25 not allowed because not listed in AllowUsers',
      row('ssh_login', 'quinn', '203.0.113.25', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[120]: User rita from 203.0.113.26 not allowed because listed in DenyUsers',
      row('ssh_login', 'rita', '203.0.113.26', undefined, true),
    ],
    [
      "Mar  4 10:00:01 deb sshd[121]: User sam from 203.0.113.27 not allowed because none of user's groups are listed in AllowGroups",
      row('ssh_login', 'sam', '203.0.113.27', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[122]: User tom from host-9.example.net not allowed because a group is listed in DenyGroups',
      row('ssh_login', 'tom', undefined, undefined, true, 'host-9.example.net'),
    ],
    [
      'Mar  4 10:00:01 deb sshd[123]: User uma from 203.0.113.28 not allowed because shell /bin/nope does not exist',
      row('ssh_login', 'uma', '203.0.113.28', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[124]: Invalid user victor from 203.0.113.29 port 40013',
      row('ssh_login', 'victor', '203.0.113.29', 40013, false),
    ],
    [
      'Mar  4 10:00:01 old sshd[125]: Illegal user wendy from 203.0.113.30',
      row('ssh_login', 'wendy', '203.0.113.30', undefined, false),
    ],
    [
      'Mar  4 10:00:01 deb sshd[126]: Invalid user  from 203.0.113.31 port 40014',
      row('ssh_login', undefined, '203.0.113.31', 40014, false),
    ],
    [
      'Mar  4 10:00:01 deb sshd[127]: error: maximum authentication attempts exceeded for invalid user xena from 203.0.113.32 port 40015 ssh2 [preauth]',
      row('ssh_login', 'xena', '203.0.113.32', 40015, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[128]: Disconnecting invalid user yuri 203.0.113.33 port 40016: Too many authentication failures [preauth]',
      row('ssh_login', 'yuri', '203.0.113.33', 40016, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[129]: Connection closed by authenticating user zoe 203.0.113.34 port 40017 [preauth]',
      row('ssh_login', 'zoe', '203.0.113.34', 40017, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[130]: refused connect from scanner.example.com (203.0.113.35)',
      row('ssh_login', undefined, '203.0.113.35', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[131]: refused connect from in.telnetd@::ffff:203.0.113.36 (::ffff:203.0.113.36)',
      row('ssh_login', undefined, '203.0.113.36', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[132]: error: Received disconnect from 203.0.113.37 port 40018:3: com.jcraft.jsch.JSchException: Auth fail [preauth]',
      row('ssh_login', undefined, '203.0.113.37', 40018, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[133]: Received disconnect from 203.0.113.38: 3: com.jcraft.jsch.JSchException: Auth fail',
      row('ssh_login', undefined, '203.0.113.38', undefined, true),
    ],
    [
      'Mar  4 10:00:01 deb sshd[134]: Received disconnect from 2001:db8::39 port 40019:11: Bye Bye [preauth]',
      row('ssh_preauth_disconnect', undefined, '2001:db8::39', 40019, false),
    ],
    [
      '2024-03-04T10:00:01.123456+01:00 deb sshd[135]: Failed password for root from 203.0.113.40 port 40020 ssh2',
      row('ssh_login', 'root', '203.0.113.40', 40020, true),
    ],
    [
      '<38>1 2024-03-04T10:00:01.123456Z deb sshd 136 - - Failed password for root from 203.0.113.41 port 40021 ssh2',
      row('ssh_login', 'root', '203.0.113.41', 40021, true),
    ],
    [
      '{"__REALTIME_TIMESTAMP":"1709546401123456","_HOSTNAME":"deb","SYSLOG_IDENTIFIER":"sshd","_PID":"137","MESSAGE":"Failed password for root from 203.0.113.42 port 40022 ssh2"}',
      row('ssh_login', 'root', '203.0.113.42', 40022, true),
    ],
    [
      '{"__REALTIME_TIMESTAMP":"1709546401000000","_COMM":"sshd-session","_PID":"138","MESSAGE":"Invalid user admin from 203.0.113.43 port 40023"}',
      row('ssh_login', 'admin', '203.0.113.43', 40023, false),
    ],
  ])('%s', (line, expected) => {
    const { rows, skips } = parse([line]);
    expect(skips).toEqual([null]);
    expect(rows).toEqual([expected]);
  });

  it('dates journald records by __REALTIME_TIMESTAMP (µs) and names host and process', () => {
    const { events } = parse([
      '{"__REALTIME_TIMESTAMP":"1709546401123456","_HOSTNAME":"deb","SYSLOG_IDENTIFIER":"sshd","_PID":"137","MESSAGE":"Failed password for root from 203.0.113.42 port 40022 ssh2"}',
    ]);
    expect(events[0]?.['@timestamp']).toBe('2024-03-04T10:00:01.123Z');
    expect(events[0]?.host).toEqual({ hostname: 'deb', name: 'deb' });
    expect(events[0]?.process).toEqual({ name: 'sshd', pid: 137 });
  });

  it('skips journald records of other programs and garbled JSON', () => {
    const { skips } = parse([
      '{"__REALTIME_TIMESTAMP":"1709546401000000","SYSLOG_IDENTIFIER":"cron","_PID":"9","MESSAGE":"Failed password for x from 1.2.3.4 port 1 ssh2"}',
      '{"__REALTIME_TIMESTAMP":"1709546401000000","SYSLOG_IDENTIFIER":"sshd"',
    ]);
    expect(skips).toEqual(['not-sshd', 'not-syslog']);
  });
});

describe('one attempt is one failure: lines of one connection that repeat an attempt', () => {
  it('Linux: the pam_unix line before each Failed password is not counted again', () => {
    const { rows } = parse([
      'Mar  4 11:00:00 deb sshd[200]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.50  user=root',
      'Mar  4 11:00:02 deb sshd[200]: Failed password for root from 192.0.2.50 port 41000 ssh2',
      'Mar  4 11:00:04 deb sshd[200]: Failed password for root from 192.0.2.50 port 41000 ssh2',
      'Mar  4 11:00:04 deb sshd[200]: error: maximum authentication attempts exceeded for root from 192.0.2.50 port 41000 ssh2 [preauth]',
      'Mar  4 11:00:04 deb sshd[200]: Disconnecting authenticating user root 192.0.2.50 port 41000: Too many authentication failures [preauth]',
      'Mar  4 11:00:04 deb sshd[200]: PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.50  user=root',
    ]);
    expect(rows.map((r) => [r.action, r.counted])).toEqual([
      ['ssh_pam_auth_failure', false],
      ['ssh_login', true],
      ['ssh_login', true],
      ['ssh_max_auth_attempts', false],
      ['ssh_too_many_auth_failures', false],
      ['ssh_pam_more_auth_failures', false],
    ]);
  });

  it('FreeBSD: PAM error then Failed keyboard-interactive/pam for the same user is one attempt', () => {
    const { rows } = parse([
      'Mar  4 11:01:00 bsd sshd[300]: error: PAM: Authentication failure for root from 192.0.2.51',
      'Mar  4 11:01:00 bsd sshd[300]: Failed keyboard-interactive/pam for root from 192.0.2.51 port 41001 ssh2',
      'Mar  4 11:01:03 bsd sshd[300]: error: PAM: Authentication failure for root from 192.0.2.51',
      'Mar  4 11:01:03 bsd sshd[300]: Failed keyboard-interactive/pam for root from 192.0.2.51 port 41001 ssh2',
      'Mar  4 11:01:05 bsd sshd[300]: Connection closed by authenticating user root 192.0.2.51 port 41001 [preauth]',
    ]);
    expect(rows.map((r) => [r.action, r.counted])).toEqual([
      ['ssh_login', true],
      ['ssh_failed_repeat', false],
      ['ssh_login', true],
      ['ssh_failed_repeat', false],
      ['ssh_preauth_close', false],
    ]);
  });

  it('a PAM error after the Failed line of the same attempt is not counted again', () => {
    const { rows } = parse([
      'Mar  4 11:02:00 bsd sshd[301]: Failed password for bob from 192.0.2.52 port 41002 ssh2',
      'Mar  4 11:02:00 bsd sshd[301]: error: PAM: authentication error for bob from 192.0.2.52',
    ]);
    expect(rows.map((r) => [r.action, r.counted])).toEqual([
      ['ssh_login', true],
      ['ssh_pam_error', false],
    ]);
  });

  it('not allowed, then the Failed lines: the first Failed is the attempt already counted', () => {
    const { rows } = parse([
      'Mar  4 11:03:00 deb sshd[400]: User carl from 192.0.2.53 not allowed because not listed in AllowUsers',
      'Mar  4 11:03:01 deb sshd[400]: Failed password for invalid user carl from 192.0.2.53 port 41003 ssh2',
      'Mar  4 11:03:03 deb sshd[400]: Failed password for invalid user carl from 192.0.2.53 port 41003 ssh2',
    ]);
    expect(rows.map((r) => [r.action, r.counted])).toEqual([
      ['ssh_login', true],
      ['ssh_failed_repeat', false],
      ['ssh_login', true],
    ]);
  });

  it('Invalid user and the close that follows count no attempt; offered keys and MaxAuthTries after them neither', () => {
    const { rows } = parse([
      'Mar  4 11:04:00 deb sshd[500]: Invalid user dan from 192.0.2.54 port 41004',
      'Mar  4 11:04:01 deb sshd[500]: Connection closed by invalid user dan 192.0.2.54 port 41004 [preauth]',
      'Mar  4 11:04:02 deb sshd[501]: Failed publickey for git from 192.0.2.55 port 41005 ssh2: RSA SHA256:aaaa',
      'Mar  4 11:04:02 deb sshd[501]: Failed publickey for git from 192.0.2.55 port 41005 ssh2: RSA SHA256:bbbb',
      'Mar  4 11:04:02 deb sshd[501]: Disconnecting: Too many authentication failures for git [preauth]',
    ]);
    expect(rows.map((r) => [r.action, r.counted])).toEqual([
      ['ssh_login', false],
      ['ssh_preauth_close', false],
      ['ssh_publickey_rejected', false],
      ['ssh_publickey_rejected', false],
      ['ssh_too_many_auth_failures', false],
    ]);
  });

  it("old Linux-PAM's sshd(pam_unix) failure is the attempt, alone or before sshd's Failed line", () => {
    // Red Hat until about 2006 (Linux-PAM 0.7x): the tag names the service and module, and the line
    // went to /var/log/messages while sshd's own Failed line went to /var/log/secure.
    const { rows, skips } = parse([
      'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.60 ',
      'Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown',
      'Jun 14 15:16:02 combo sshd(pam_unix)[19937]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.60 ',
      'Jun 14 15:16:03 combo sshd[19937]: Failed password for invalid user oracle from 192.0.2.60 port 41010 ssh2',
      'Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=host-7.example.net  user=root',
      'Jun 15 02:05:00 combo sshd[20882]: Failed password for root from 198.51.100.61 port 41011 ssh2',
      'Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)',
      'Jun 15 04:07:00 combo vsftpd(pam_unix)[21500]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.62  user=ftpadmin',
    ]);
    expect(skips).toEqual([null, 'sshd-not-auth', null, null, null, null, 'not-sshd', null]);
    expect(rows.map((r) => [r.action, r.user, r.ip ?? r.domain, r.counted])).toEqual([
      ['ssh_login', undefined, '192.0.2.60', true],
      ['ssh_login', undefined, '192.0.2.60', true],
      ['ssh_failed_repeat', 'oracle', '192.0.2.60', false],
      ['ssh_login', 'root', 'host-7.example.net', true],
      ['ssh_failed_repeat', 'root', '198.51.100.61', false],
      ['pam_auth_failure', 'ftpadmin', '192.0.2.62', false],
    ]);
  });

  it('a connection forgotten after 10 minutes of silence (a reused pid) starts afresh', () => {
    const { rows } = parse([
      'Mar  4 11:05:00 deb sshd[600]: Failed password for root from 192.0.2.56 port 41006 ssh2',
      'Mar  4 11:20:00 deb sshd[600]: error: maximum authentication attempts exceeded for root from 192.0.2.57 port 41007 ssh2 [preauth]',
    ]);
    expect(rows.map((r) => r.counted)).toEqual([true, true]);
  });
});
