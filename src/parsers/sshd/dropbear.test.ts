import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffSshd } from './sniff-sshd.ts';
import { parse, row, success, type Row } from './testdata/sshd-rows.ts';

/*
 * Dropbear's lines, written for this test after the format strings of its svr-auth.c,
 * svr-authpasswd.c, svr-authpam.c, svr-authpubkey.c and svr-session.c (2013 to 2025), the
 * lower-case ones of versions before 2013, and Debian's patched `Max auth tries` line from
 * fail2ban's test log. Addresses from the documentation ranges.
 */
const line = (message: string, pid = 1335) => `Jul 27 01:04:12 gw dropbear[${pid}]: ${message}`;
describe('Dropbear lines, each alone on its connection', () => {
  it.each<[string, Row]>([
    [
      "Bad password attempt for 'root' from 192.0.2.4:60588",
      row('ssh_login', 'root', '192.0.2.4', 60588, true),
    ],
    [
      "bad password attempt for 'root' from 192.0.2.4:5543",
      row('ssh_login', 'root', '192.0.2.4', 5543, true),
    ],
    [
      "Bad PAM password attempt for 'admin' from 192.0.2.5:40001",
      row('ssh_login', 'admin', '192.0.2.5', 40001, true),
    ],
    [
      "Bad PAM password attempt for '<invalid username>' from 192.0.2.5:40002",
      row('ssh_login', undefined, '192.0.2.5', 40002, true),
    ],
    [
      "Too-long password attempt for 'root' from 192.0.2.6:40003",
      row('ssh_login', 'root', '192.0.2.6', 40003, true),
    ],
    [
      'Login attempt for nonexistent user from 192.0.2.7:40004',
      row('ssh_login', undefined, '192.0.2.7', 40004, true),
    ],
    [
      'login attempt for nonexistent user from ::ffff:198.51.100.215:60495',
      row('ssh_login', undefined, '198.51.100.215', 60495, true),
    ],
    [
      "Login attempt for nonexistent user 'oracle' from 2001:db8::7:40005",
      row('ssh_login', 'oracle', '2001:db8::7', 40005, true),
    ],
    [
      'Login attempt with wrong user git from 192.0.2.8:40006',
      row('ssh_login', 'git', '192.0.2.8', 40006, true),
    ],
    [
      "Exit before auth from <192.0.2.9:40007>: (user 'root', 10 fails): Max auth tries reached - user 'root'",
      row('ssh_login', 'root', '192.0.2.9', 40007, true),
    ],
    [
      "Exit before auth (user 'root', 10 fails): Max auth tries reached - user 'root' from 192.0.2.10:40008",
      row('ssh_login', 'root', '192.0.2.10', 40008, true),
    ],
    [
      "Exit before auth from <192.0.2.11:40009>: Max auth tries reached - user 'is invalid'",
      row('ssh_login', undefined, '192.0.2.11', 40009, true),
    ],
    [
      "Exit before auth from <192.0.2.12:40010>: (user 'pi', 2 fails): Disconnect received",
      row('ssh_login', 'pi', '192.0.2.12', 40010, true),
    ],
    [
      'Exit before auth from <192.0.2.13:40011>: Timeout before auth',
      row('ssh_login_grace_timeout', undefined, '192.0.2.13', 40011, false),
    ],
    [
      'Exit before auth from <192.0.2.14:40012>: No matching algo kex',
      row('ssh_negotiation_failed', undefined, '192.0.2.14', 40012, false),
    ],
    [
      "Exit before auth from <192.0.2.15:40013>: Incompatible remote version 'SSH-1.5-Nmap-SSH1-Hostkey'",
      row('ssh_bad_protocol', undefined, '192.0.2.15', 40013, false),
    ],
    [
      "Password auth succeeded for 'root' from 192.0.2.16:40014",
      success('ssh_login', 'root', '192.0.2.16', 40014),
    ],
    [
      "PAM password auth succeeded for 'admin' from 192.0.2.17:40015",
      success('ssh_login', 'admin', '192.0.2.17', 40015),
    ],
    [
      "Pubkey auth succeeded for 'root' with ssh-ed25519 key SHA256:AbCd from 192.0.2.18:40016",
      success('ssh_login', 'root', '192.0.2.18', 40016),
    ],
    [
      "pubkey auth succeeded for 'root' with key md5 0c:aa:bb from 192.0.2.19:40017",
      success('ssh_login', 'root', '192.0.2.19', 40017),
    ],
    [
      "Auth succeeded with blank password for 'guest' from 192.0.2.20:40018",
      success('ssh_login', 'guest', '192.0.2.20', 40018),
    ],
    [
      "Pubkey auth bad signature for 'root' with key SHA256:AbCd from 192.0.2.21:40019",
      row('ssh_publickey_rejected', 'root', '192.0.2.21', 40019, false),
    ],
  ])('%s', (message, expected) => {
    const { rows, skips, events } = parse([line(message)]);
    expect(skips).toEqual([null]);
    expect(rows).toEqual([expected]);
    expect(events[0]?.process).toEqual({ name: 'dropbear', pid: 1335 });
  });

  it('marks the method of a password attempt and of a key login', () => {
    const { events } = parse([
      line("Bad password attempt for 'root' from 192.0.2.4:60588"),
      line("Pubkey auth succeeded for 'root' with ssh-ed25519 key SHA256:AbCd from 192.0.2.18:40016", 1336),
    ]);
    expect(events.map((event) => event.system)).toEqual([
      { auth: { ssh: { event: 'Failed', method: 'password' } } },
      { auth: { ssh: { event: 'Accepted', method: 'publickey', signature: 'ssh-ed25519 key SHA256:AbCd' } } },
    ]);
  });

  it.each([
    'Child connection from 192.0.2.30:40100',
    "Password auth succeeded for 'root' from 192.0.2.31:40101, extra auth required",
    'Exit before auth from <192.0.2.32:40102>: Exited normally',
    "Exit before auth from <192.0.2.33:40103>: (user 'root', 0 fails): Exited normally",
    'Exit before auth: Timeout before auth',
    'Exit (root) from <192.0.2.34:40104>: Disconnect received',
    'Early exit from <192.0.2.35:40105>: Failed to read',
    'Running in background',
  ])('skips %s', (message) => {
    expect(parse([line(message)]).skips).toEqual(['sshd-not-auth']);
  });

  it.each([
    "Bad password attempt for 'root' from 192.0.2.4",
    "Bad password attempt for 'root' from 192.0.2.4:99999",
    'Bad password attempt for root from 192.0.2.4:22',
    'Login attempt for nonexistent user from not an address:22',
    "Exit before auth from <192.0.2.9:40007: (user 'root', 10 fails): Max auth tries reached",
    "Exit before auth from <192.0.2.9:40007>: (user 'root', many fails): Max auth tries reached",
  ])('calls %s malformed', (message) => {
    expect(parse([line(message)]).skips).toEqual(['malformed-sshd-message']);
  });
});

describe('Dropbear connections', () => {
  it('counts each bad password once and not the summary that ends the connection', () => {
    const { rows } = parse([
      line("Bad password attempt for 'root' from 192.0.2.4:60588"),
      line("Bad password attempt for 'root' from 192.0.2.4:60588"),
      line("Bad password attempt for 'root' from 192.0.2.4:60588"),
      line(
        "Exit before auth from <192.0.2.4:60588>: (user 'root', 3 fails): Max auth tries reached - user 'root'",
      ),
    ]);
    expect(rows.map((r) => r.counted)).toEqual([true, true, true, false]);
    expect(rows[3]?.action).toBe('ssh_max_auth_attempts');
  });

  it('counts an unknown account once when nothing else of the connection says more', () => {
    const { rows } = parse([
      line('Login attempt for nonexistent user from 192.0.2.7:40004'),
      line("Exit before auth from <192.0.2.7:40004>: Max auth tries reached - user 'is invalid'"),
    ]);
    expect(rows.map((r) => r.counted)).toEqual([true, false]);
  });

  it('counts a PAM build unknown account attempt once, though two lines report the first', () => {
    const { rows } = parse([
      line('Login attempt for nonexistent user from 192.0.2.7:40004'),
      line("Bad PAM password attempt for '<invalid username>' from 192.0.2.7:40004"),
      line("Bad PAM password attempt for '<invalid username>' from 192.0.2.7:40004"),
    ]);
    expect(rows.map((r) => r.counted)).toEqual([true, false, true]);
  });

  it("takes the last address: a client's user name cannot name another", () => {
    const { rows } = parse([
      line("Login attempt for nonexistent user 'x' from 203.0.113.66:1' from 192.0.2.40:40200"),
    ]);
    expect(rows).toEqual([row('ssh_login', "x' from 203.0.113.66:1", '192.0.2.40', 40200, true)]);
  });

  it('reads Dropbear through journald and repeated-message wrappers alike', () => {
    const journal = JSON.stringify({
      __REALTIME_TIMESTAMP: '1711293951000000',
      _HOSTNAME: 'gw',
      SYSLOG_IDENTIFIER: 'dropbear',
      _PID: '4092',
      MESSAGE: "Bad password attempt for 'root' from 192.0.2.50:5543",
    });
    const repeated = line(
      "message repeated 2 times: [ Bad password attempt for 'root' from 192.0.2.51:5544]",
    );
    const { rows } = parse([journal, repeated]);
    expect(rows.map((r) => [r.ip, r.counted])).toEqual([
      ['192.0.2.50', true],
      ['192.0.2.51', true],
      ['192.0.2.51', true],
    ]);
  });

  it("reads the fixture, classic syslog and OpenWrt's logread alike", () => {
    const lines = readFileSync(new URL('./testdata/dropbear.log', import.meta.url), 'utf8')
      .trimEnd()
      .split('\n');
    const { rows, skips, events } = parse(lines);
    expect(skips).toEqual([
      'sshd-not-auth',
      null,
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
      'not-sshd',
    ]);
    expect(rows.map((r) => [r.action, r.outcome, r.ip, r.counted])).toEqual([
      ['ssh_login', 'failure', '192.0.2.4', true],
      ['ssh_login', 'failure', '192.0.2.4', true],
      ['ssh_max_auth_attempts', 'failure', '192.0.2.4', false],
      ['ssh_login', 'failure', '198.51.100.215', true],
      ['ssh_max_auth_attempts', 'failure', '198.51.100.215', false],
      ['ssh_login_grace_timeout', 'failure', '2001:db8::5', false],
      ['ssh_bad_protocol', 'failure', '192.0.2.9', false],
      ['ssh_login', 'success', '192.0.2.10', false],
      ['ssh_login', 'failure', '192.0.2.11', true],
      ['ssh_login', 'success', '192.0.2.12', false],
    ]);
    // logread's lines carry their year and, under `logread -t`, the exact time.
    expect(events.slice(-2).map((event) => [event['@timestamp'], event.host])).toEqual([
      ['2024-07-27T01:23:00.000Z', undefined],
      ['2024-07-27T01:23:01.250Z', undefined],
    ]);
  });

  it('is detected as the sshd format', () => {
    const sample = [
      line("Bad password attempt for 'root' from 192.0.2.4:60588"),
      line('Login attempt for nonexistent user from 192.0.2.7:40004', 1336),
    ];
    expect(sniffSshd(sample)).toBe(1);
  });
});
