import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { sshdParser } from './index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';

/*
 * The real auth.log from /work/shared/datasets/sshd (7,121 lines, 27 Mar – 20 Apr 2017). Figures
 * checked independently in that folder (F=auth.log):
 *   wc -l < $F                                                                        → 7121
 *   grep -cE '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [^ ]+ sshd\[[0-9]+\]: ' $F        → 4095 sshd lines
 *   grep -vcE '(same pattern)' $F                                                     → 3026 not-sshd
 *   grep -cE 'sshd\[[0-9]+\]: Failed [^ ]+ for ' $F                                   → 632 Failed lines
 *   grep -E 'sshd\[[0-9]+\]: message repeated [0-9]+ times: \[ Failed ' $F \
 *     | sed -E 's/.*repeated ([0-9]+) times.+$/\1/' | awk '{s+=$1} END {print s, NR}'  → 410 events in 85 lines
 *     so Failed events = 632 + 410 = 1042; grep -cE 'sshd\[[0-9]+\]: Failed publickey ' → 4 of them publickey
 *   grep -cE 'sshd\[[0-9]+\]: Accepted ' $F                                          → 226 (190 password, 36 publickey)
 *   grep -cE 'sshd\[[0-9]+\]: Invalid user ' $F                                      → 178
 *   grep -cE 'sshd\[[0-9]+\]: pam_unix\(sshd:auth\): authentication failure;' $F     → 343
 *   grep -cE 'sshd\[[0-9]+\]: PAM [0-9]+ more authentication failures;' $F           → 141
 *   grep -cE 'sshd\[[0-9]+\]: error: maximum authentication attempts exceeded for ' $F → 189
 *   grep -cE 'sshd\[[0-9]+\]: Disconnecting: Too many authentication failures' $F   → 189
 *   grep -cE 'sshd\[[0-9]+\]: Received disconnect from .*\[preauth\]$' $F              → 89
 *   grep -cE 'sshd\[[0-9]+\]: Did not receive identification string from ' $F         → 14
 *   grep -cE "sshd\[[0-9]+\]: Bad protocol version identification '.*' from " $F     → 18
 *   grep -cE 'sshd\[[0-9]+\]: (fatal: )?Unable to negotiate with ' $F                → 4
 *   lines used: 632 + 85 + 226 + 178 + 343 + 141 + 189 + 189 + 89 + 14 + 18 + 4 = 2108,
 *   so sshd-not-auth = 4095 - 2108 = 1987
 *   MaxAuthTries lines that are the first auth line of their connection (nothing before them logged):
 *     awk '/sshd\[[0-9]+\]:/ { match($0, /sshd\[[0-9]+\]/); pid = substr($0, RSTART, RLENGTH);
 *       if ($0 ~ /maximum authentication attempts/ && !(pid in seen)) n++;
 *       if ($0 ~ /Failed|Invalid user|maximum authentication/) seen[pid] = 1 } END { print n }' $F   → 31
 *   Failed events per source, expanding repeats (awk over "from ADDR", adding N for repeated lines):
 *     24.151.103.17 → 157, 49.4.143.105 → 120
 * and of the account programs (src/parsers/auth-log), whose lines are among the not-sshd ones above:
 *   grep -cE '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [^ ]+ (sudo|su\[[0-9]+\]|useradd\[[0-9]+\]|groupadd\[[0-9]+\]): ' $F
 *                                                                                     → 655, so not-sshd = 3026 - 655 = 2371
 *   grep -cE ' sudo: +[^ ]+ : (.* ; )?TTY=.*COMMAND=' $F                               → 186 sudo commands
 *   grep -cE ' su\[[0-9]+\]: Successful su for ' $F                                     → 9
 *   grep -cE ' useradd\[[0-9]+\]: new user: ' $F                                        → 10
 *   grep -cE ' (useradd|groupadd)\[[0-9]+\]: new group: ' $F                            → 11
 *   grep -cE " useradd\[[0-9]+\]: failed adding user '" $F                              → 30
 *   lines used: 186 + 9 + 10 + 11 + 30 = 246, so account-line-unused = 655 - 246 = 409 (PAM session
 *   lines of sudo and su, su's `+ TTY` twin, groupadd's `group added to` twins)
 */
const AUTH_LOG = datasetUrl('sshd/auth.log');

function replay(options: { year?: number; referenceTime?: number; inputName?: string }) {
  const lines = readFileSync(AUTH_LOG, 'utf8').trimEnd().split('\n');
  const parser = sshdParser.create(options);
  const events: SecurityEvent[] = [];
  const skips = new Map<string, number>();
  for (const line of lines) {
    const skip = parser.parseLine(line, (event) => events.push(event));
    if (skip !== null) skips.set(skip, (skips.get(skip) ?? 0) + 1);
  }
  return { lines, events, skips, notes: parser.notes() };
}

const sshEvent = (event: SecurityEvent): string | undefined =>
  (event.system as { auth: { ssh?: { event: string; method?: string } } } | undefined)?.auth.ssh?.event;
const countBy = (events: SecurityEvent[], key: (event: SecurityEvent) => unknown): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const value = String(key(event));
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
};

describe('sshd parser on the real auth.log', () => {
  const { lines, events, skips, notes } = replay({ year: 2017 });

  it('reads all 7,121 lines and skips only other programs, non-auth sshd lines and account lines it does not use', () => {
    expect(lines).toHaveLength(7121);
    expect(Object.fromEntries(skips)).toEqual({
      'not-sshd': 2371,
      // The closes before authentication that are probes are events now (see the network events).
      'sshd-not-auth': 1987 - 36,
      'account-line-unused': 409,
    });
    expect(notes).toEqual([]);
  });

  it('counts 1,038 Failed (password), 31 lone MaxAuthTries, 178 Invalid and 226 Accepted logins', () => {
    const logins = events.filter((event) => event.event.action === 'ssh_login');
    expect(countBy(logins, sshEvent)).toEqual({ Failed: 1038 + 31, Invalid: 178, Accepted: 226 });
    const methods = countBy(logins, (event) => {
      const ssh = (event.system as { auth: { ssh: { event: string; method?: string } } }).auth.ssh;
      return `${ssh.event} ${ssh.method}`;
    });
    expect(methods).toMatchObject({
      'Failed password': 1038,
      'Failed undefined': 31,
      'Accepted password': 190,
      'Accepted publickey': 36,
    });
  });

  it('keeps summaries and PAM reports under their own actions', () => {
    expect(countBy(events, (event) => event.event.action)).toEqual({
      ssh_login: 1038 + 31 + 178 + 226,
      ssh_publickey_rejected: 4,
      ssh_pam_auth_failure: 343,
      ssh_pam_more_auth_failures: 141,
      ssh_max_auth_attempts: 189 - 31,
      ssh_too_many_auth_failures: 189,
      ssh_preauth_disconnect: 89,
      ssh_no_identification: 14,
      ssh_bad_protocol: 18,
      ssh_negotiation_failed: 4,
      ssh_closed_before_auth: 36,
      sudo_command: 186,
      su: 9,
      'added-user-account': 10 + 30,
      'added-group-account': 11,
    });
  });

  it('gives the connections that never authenticated as network events with their address', () => {
    const probes = events.filter((event) => event.event.category?.includes('network'));
    // 36 `Connection closed by ADDR port N [preauth]` on connections that logged no authentication
    // before (one a pid sshd used again days after a guesser's connection); the other 275 close
    // connections that named a user or tried a password, as OpenSSH 7.2 wrote them: no probes.
    expect(probes).toHaveLength(14 + 18 + 4 + 36);
    for (const probe of probes) {
      expect(probe.event.outcome).toBe('failure');
      expect((probe.source as { ip?: string } | undefined)?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    // sshd's address, not one the client wrote into its banner.
    const http = probes.filter((event) => String(event.message).includes("'GET / HTTP/1.1'"));
    expect(http.map((event) => (event.source as { ip: string }).ip)).toContain('186.219.213.14');
  });

  it('attributes failures to their sources, repeats included', () => {
    const failedBySource = countBy(
      events.filter((event) => sshEvent(event) === 'Failed' && event.event.action === 'ssh_login'),
      (event) => (event.source as { ip: string }).ip,
    );
    expect(failedBySource['24.151.103.17']).toBe(157);
    expect(failedBySource['49.4.143.105']).toBe(120);
  });

  it('dates events within 27 Mar – 20 Apr 2017 in log order', () => {
    const times = events.map((event) => event['@timestamp']);
    expect(times[0]).toBe('2017-03-27T13:08:09.000Z');
    expect(times.at(-1)?.startsWith('2017-04-20T')).toBe(true);
    expect([...times].sort()).toEqual(times);
  });

  it("infers 2017 from a reference time at the file's last line and says so once", () => {
    const inferred = replay({
      referenceTime: Date.UTC(2017, 3, 20, 14, 15),
      inputName: 'datasets/sshd/auth.log',
    });
    expect(inferred.events.map((event) => event['@timestamp'])).toEqual(
      events.map((event) => event['@timestamp']),
    );
    expect(inferred.notes).toEqual([
      "year not in the log: inferred 2017 from auth.log's modification time; pass --year to override",
    ]);
  });
});
