import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

const countBy = (items: Array<Record<string, unknown>>, key: string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    const value = String(item[key]);
    counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  }, {});

describe('klaxon replay over the real sshd auth.log (2017)', async () => {
  const run = await runCli('replay', `${DATASETS}sshd/auth.log`, '--year', '2017', '--json');
  const incidents = jsonLines(run.stdout);

  it('exits 0 and prints a summary of what it read', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Read 7,121 lines from 1 file (sshd)');
    // 36 lines are probes (no banner, another protocol, no common cipher): events, not skips; so are
    // 36 closes before authentication on connections that logged no authentication before them.
    // sudo's, su's and useradd's own lines are events too; their PAM lines are not.
    expect(run.stderr).toMatch(/skipped: not-sshd 2,371, sshd-not-auth 1,951, account-line-unused 409/);
    // Weeks with quiet days between bursts: every gap is real, none is taken for an outlier.
    expect(run.stderr).not.toContain('future');
  });

  // Checked independently of Klaxon with a Python script over the raw lines: per user >= 20
  // "Failed ..." lines (message repeated N times counted N) in 10 minutes (4 bursts, one of them the
  // empty user name, which names no account and so forms no group: 3 incidents; the empty-name burst is
  // grep -E 'sshd\[[0-9]+\]: Failed [^ ]+ for invalid user  from' auth.log | awk '{print $1,$2,substr($3,1,4)}' | uniq -c
  // → 20 at Apr 6 20:4x, 23 at 20:5x); MaxAuthTries lines alone on their connection count as one
  // attempt each (31, see src/parsers/sshd/auth-log.test.ts) but start or join no burst;
  // 91.197.232.109 tried 24 distinct invalid users at 06:29-06:30 and again at 18:05-18:06 on Mar 28
  // (grep "91.197.232.109" | grep "Invalid user" | awk '{print $8}' | sort -u);
  // elastic_user_0 failed from 24.151.103.17 until "Accepted password" at Mar 30 16:01:36;
  // a script created 10 accounts in 2 s (grep -E 'useradd\[[0-9]+\]: new user' → Mar 29 10:36:43-44):
  // one linux-account-created incident. Per address (10 bursts), see bruteForceSources below.
  const bruteForce = bruteForceSources(readFileSync(`${DATASETS}sshd/auth.log`, 'latin1'));

  it('finds the incidents counted by hand', () => {
    expect(countBy(incidents, 'rule')).toEqual({
      'ssh-brute-force-source': bruteForce.size,
      'ssh-brute-force-user': 3,
      'password-spray-source': 2,
      'auth-success-after-failures': 1,
      'linux-account-created': 1,
    });
    // 101 addresses guessed 5 times in 10 minutes (fail2ban's default would ban them): scanners the
    // rule leaves below its 10 in 5 minutes (see rules/ssh.yml).
    expect(bruteForce.size).toBe(10);
  });

  it('names every address that guessed 10 times in 5 minutes, once each', () => {
    const sources = incidents
      .filter((incident) => incident.rule === 'ssh-brute-force-source')
      .map((incident) => (incident.group as Record<string, string>)['source.ip']);
    expect([...sources].sort()).toEqual([...bruteForce].sort());
  });

  it('reports the compromised account as P1 with the successful login as evidence', () => {
    const compromise = incidents.find((incident) => incident.rule === 'auth-success-after-failures');
    expect(compromise).toMatchObject({
      group: { 'user.name': 'elastic_user_0' },
      priority: 'P1',
      severity: 'critical',
      last_seen: '2017-03-30T16:01:36.000Z',
      attack: ['T1110.001', 'T1078'],
    });
    // The evidence shows the failures, then the success, each as time and sshd's own message.
    const evidence = compromise?.evidence as string[];
    expect(evidence.at(-1)).toMatch(
      /^2017-03-30T16:01:36Z Accepted password for elastic_user_0 from 24.151.103.17/,
    );
    expect(evidence.length).toBeGreaterThan(1);
    for (const line of evidence.slice(0, -1))
      expect(line).toMatch(/ Failed password for elastic_user_0 from /);
  });

  it('numbers incidents 1..n without gaps, with the fields scripts rely on', () => {
    expect(incidents.map((incident) => incident.serial)).toEqual(incidents.map((_, i) => i + 1));
    for (const incident of incidents) {
      expect(Object.keys(incident)).toEqual(
        expect.arrayContaining([
          'serial',
          'rule',
          'group',
          'count',
          'first_seen',
          'last_seen',
          'severity',
          'confidence',
          'priority',
          'attack',
        ]),
      );
    }
  });
});

describe('klaxon replay over the real Windows attack recordings', async () => {
  const jsonl = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;
  const kerberos = await runCli(
    'replay',
    `${jsonl}ID4771-Kerberos_brutforce_with_valid_user.jsonl`,
    '--json',
  );

  // 54 records, all 4771, for admin-hacker between 14:54:21 and 14:54:37 (python: Counter of event.code).
  it('finds the Kerberos pre-authentication brute force against one account', () => {
    const incidents = jsonLines(kerberos.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.group, incident.count])).toEqual([
      ['windows-kerberos-preauth-failures', { 'user.name': 'admin-hacker' }, 54],
      // jq -r .winlog.event_data.IpAddress ID4771-Kerberos_brutforce_with_valid_user.jsonl | sort | uniq -c → 54 ::ffff:10.23.123.11
      ['windows-kerberos-failures-source', { 'source.ip': '10.23.123.11' }, 54],
    ]);
  });

  // 16 records, all 4625 at 2023-09-25 20:39:50, IpAddress "-", WorkstationName "WIN".
  it('groups local logon failures without an address by workstation', async () => {
    const run = await runCli(
      'replay',
      `${jsonl}ID_4776_4625-AccountRestore_local_bruteforce.jsonl`,
      '--json',
    );
    expect(
      jsonLines(run.stdout).map((incident) => [
        incident.rule,
        incident.group,
        incident.count,
        incident.status,
      ]),
    ).toEqual([['windows-logon-failure-workstation', { 'source.domain': 'WIN' }, 16, 'open']]);
  });

  // Only 5 failed 4625 in each OpenSSH-for-Windows recording: below every shipped threshold.
  it('stays quiet on five failures', async () => {
    const run = await runCli('replay', `${jsonl}ID4625-OpenSSH_brutforce_with_valid_users.jsonl`, '--json');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([]);
  });
});

/**
 * The addresses with 10 "Failed ..." lines (publickey offers aside; `message repeated N times`
 * counted N) within 5 minutes, read from the raw lines without Klaxon's parser.
 */
function bruteForceSources(text: string): Set<string> {
  const times = new Map<string, number[]>();
  const failed =
    /^(\w{3} [ \d]\d \d\d:\d\d:\d\d) \S+ sshd\[\d+\]: (?:message repeated (\d+) times: \[ )?Failed (\S+) for (?:invalid user )?.*? from (\S+) port/;
  for (const line of text.split('\n')) {
    const found = failed.exec(line);
    if (found === null || found[3] === 'publickey') continue;
    const at = Date.parse(`2017 ${found[1]} UTC`);
    const list = times.get(found[4] as string) ?? [];
    for (let n = Number(found[2] ?? 1); n > 0; n--) list.push(at);
    times.set(found[4] as string, list);
  }
  const sources = new Set<string>();
  for (const [address, list] of times) {
    list.sort((a, b) => a - b);
    if (list.some((at, index) => index >= 9 && at - (list[index - 9] as number) < 300_000))
      sources.add(address);
  }
  return sources;
}
