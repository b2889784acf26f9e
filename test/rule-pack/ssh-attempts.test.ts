import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { sshdParser } from '../../src/parsers/index.ts';

const rules = await loadRules(undefined);

function detect(lines: string[]): Detection[] {
  const events: SecurityEvent[] = [];
  const parser = sshdParser.create({ year: 2024 });
  for (const line of lines)
    expect(
      parser.parseLine(line, (event) => events.push(event)),
      line,
    ).toBeNull();
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d) });
  engine.pushBatch(events);
  engine.flush();
  return detections;
}

const A = '203.0.113.66';
const B = '198.51.100.77';
const journal = (second: number, host: string, pid: number, message: string) =>
  JSON.stringify({
    __REALTIME_TIMESTAMP: String(Date.UTC(2024, 2, 4, 10, 3, second) * 1000),
    _HOSTNAME: host,
    SYSLOG_IDENTIFIER: 'sshd',
    _PID: String(pid),
    MESSAGE: message,
  });

/*
 * One attacker (A) against five machines in four minutes, each logging its own way. Attempts counted
 * by hand, marked #n; every other line repeats an attempt already counted or is none:
 */
const attackerA = [
  // Debian (classic syslog): PAM's line, then sshd's Failed line, for each password.
  `Mar  4 10:00:00 deb sshd[1001]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${A}  user=root`,
  `Mar  4 10:00:02 deb sshd[1001]: Failed password for root from ${A} port 50001 ssh2`, // #1
  `Mar  4 10:00:03 deb sshd[1001]: Failed password for root from ${A} port 50001 ssh2`, // #2
  `Mar  4 10:00:05 deb sshd[1001]: message repeated 2 times: [ Failed password for root from ${A} port 50001 ssh2]`, // #3 #4
  `Mar  4 10:00:05 deb sshd[1001]: error: maximum authentication attempts exceeded for root from ${A} port 50001 ssh2 [preauth]`,
  `Mar  4 10:00:05 deb sshd[1001]: Disconnecting authenticating user root ${A} port 50001: Too many authentication failures [preauth]`,
  `Mar  4 10:00:05 deb sshd[1001]: PAM 3 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${A}  user=root`,
  `Mar  4 10:00:10 deb sshd[1002]: Failed publickey for git from ${A} port 50002 ssh2: RSA SHA256:k1`,
  `Mar  4 10:00:10 deb sshd[1002]: Failed publickey for git from ${A} port 50002 ssh2: RSA SHA256:k2`,
  `Mar  4 10:00:10 deb sshd[1002]: Disconnecting: Too many authentication failures [preauth]`,
  `Mar  4 10:00:20 deb sshd[1003]: Invalid user admin from ${A} port 50003`,
  `Mar  4 10:00:21 deb sshd[1003]: Connection closed by invalid user admin ${A} port 50003 [preauth]`,
  // FreeBSD: PAM's error, then the Failed keyboard-interactive/pam line of the same attempt.
  `Mar  4 10:01:00 bsd sshd[2001]: error: PAM: Authentication failure for root from ${A}`, // #5
  `Mar  4 10:01:00 bsd sshd[2001]: Failed keyboard-interactive/pam for root from ${A} port 50004 ssh2`,
  `Mar  4 10:01:04 bsd sshd[2001]: error: PAM: Authentication failure for root from ${A}`, // #6
  `Mar  4 10:01:04 bsd sshd[2001]: Failed keyboard-interactive/pam for root from ${A} port 50004 ssh2`,
  `Mar  4 10:01:06 bsd sshd[2001]: Connection closed by authenticating user root ${A} port 50004 [preauth]`,
  // macOS: only PAM's error.
  `Mar  4 10:02:00 mac.local sshd[3001]: error: PAM: authentication error for staff from ${A} via 10.0.0.2`, // #7
  `Mar  4 10:02:09 mac.local sshd[3002]: error: PAM: authentication error for staff from ${A} via 10.0.0.2`, // #8
  // Solaris, tagged.
  `Mar  4 10:02:30 sol sshd[4001]: [ID 800047 auth.info] Failed keyboard-interactive for <invalid username> from ${A} port 50005 ssh2`, // #9
  // rsyslog in RFC 5424, an IPv4-mapped address.
  `<38>1 2024-03-04T10:02:45.250318Z r5 sshd 4500 - - Failed password for oracle from ::ffff:${A} port 50006 ssh2`, // #10
  // journald export: AllowUsers refuses guest; the first Failed line is that same attempt.
  journal(0, 'jd', 5001, `User guest from ${A} not allowed because not listed in AllowUsers`), // #11
  journal(1, 'jd', 5001, `Failed password for invalid user guest from ${A} port 50007 ssh2`),
  journal(3, 'jd', 5001, `Failed password for invalid user guest from ${A} port 50007 ssh2`), // #12
  // tcp_wrappers refuses it outright.
  `Mar  4 10:03:30 deb sshd[1004]: refused connect from ${A} (${A})`, // #13
];
const ATTEMPTS_A = 13;

/** B makes 9 attempts (one under the threshold of 10), each logged by PAM too, then MaxAuthTries. */
const attackerB = [
  ...Array.from({ length: 9 }, (_, i) => [
    `Mar  4 10:00:${String(10 + 2 * i).padStart(2, '0')} deb sshd[1100]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${B}  user=root`,
    `Mar  4 10:00:${String(11 + 2 * i).padStart(2, '0')} deb sshd[1100]: Failed password for root from ${B} port 51000 ssh2`,
  ]).flat(),
  `Mar  4 10:00:30 deb sshd[1100]: error: maximum authentication attempts exceeded for root from ${B} port 51000 ssh2 [preauth]`,
  `Mar  4 10:00:30 deb sshd[1100]: Disconnecting authenticating user root ${B} port 51000: Too many authentication failures [preauth]`,
  `Mar  4 10:00:30 deb sshd[1100]: PAM 8 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${B}  user=root`,
];

describe('ssh-brute-force-source counts each attempt once, whatever the platform and logger', () => {
  const lines = [...attackerA, ...attackerB].sort((x, y) => timeOf(x) - timeOf(y));
  const detections = detect(lines);
  const bruteForce = detections.filter((d) => d.ruleId === 'ssh-brute-force-source');

  it(`opens one incident for ${A} with exactly its ${ATTEMPTS_A} attempts`, () => {
    const forA = bruteForce.filter((d) => d.group['source.ip'] === A);
    expect(forA.filter((d) => d.state === 'opened')).toHaveLength(1);
    expect(Math.max(...forA.map((d) => d.count))).toBe(ATTEMPTS_A);
  });

  it(`stays quiet about ${B}: ${attackerB.length} lines, 9 attempts`, () => {
    expect(bruteForce.filter((d) => d.group['source.ip'] === B)).toEqual([]);
  });

  it('opens nothing else but the spray it is (no per-user burst, no account named "")', () => {
    // The attacker tries five or more accounts within ten minutes: password-spray-source (5 distinct
    // accounts from one address) holds for A, and only for A.
    const others = detections.filter((d) => d.ruleId !== 'ssh-brute-force-source' && d.state === 'opened');
    expect(others.map((d) => [d.ruleId, d.group['source.ip']])).toEqual([['password-spray-source', A]]);
  });
});

/** Sorts the mixed lines by time for the engine; enough for the three forms used above. */
function timeOf(line: string): number {
  if (line.startsWith('{')) return Number(JSON.parse(line).__REALTIME_TIMESTAMP) / 1000;
  if (line.startsWith('<')) return Date.parse(line.split(' ')[1] as string);
  return Date.parse(`2024 ${line.slice(0, 15)} UTC`);
}
