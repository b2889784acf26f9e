import type { Random } from './prng.ts';
import type { SshdHostState, SyslogEvent } from './syslog-event.ts';
import { MAX_AUTH_TRIES, scriptFailedConnection, scriptLogin } from './sshd-connections.ts';
import { MINUTE, SCHEDULE } from './schedule.ts';
import { wholeSecond } from './day-times.ts';

/** Ten connections of six guesses each; root exists on the bastion, the other names do not. */
const BRUTE_FORCE_USERS = [
  'root',
  'admin',
  'root',
  'test',
  'root',
  'oracle',
  'root',
  'ubuntu',
  'root',
  'postgres',
];

/** Compromised in attack (d): a real bastion user who logs in with a password. */
export const BRUTE_FORCED_USER = 'nils';

/** (a) ~60 failed passwords from one address over ~8 minutes. */
export function generateSshBruteForce(start: number, random: Random, host: SshdHostState): SyslogEvent[] {
  const { offset, sourceIp } = SCHEDULE.sshBruteForce;
  return BRUTE_FORCE_USERS.flatMap((user, i) =>
    scriptFailedConnection(
      {
        at: wholeSecond(start + offset + i * 46_000 + random.int(0, 4) * 1000),
        ip: sourceIp,
        port: random.int(32_768, 60_999),
        user,
        invalid: user !== 'root',
        attempts: MAX_AUTH_TRIES,
      },
      host,
      random,
    ),
  );
}

/** (d) Two connections of six failures for one real user, then the right password from the same address. */
export function generateSshBruteForceSuccess(
  start: number,
  random: Random,
  host: SshdHostState,
): SyslogEvent[] {
  const { offset, sourceIp } = SCHEDULE.sshBruteForceSuccess;
  const base = wholeSecond(start + offset);
  const failures = [0, 100_000].flatMap((delay) =>
    scriptFailedConnection(
      {
        at: base + delay,
        ip: sourceIp,
        port: random.int(32_768, 60_999),
        user: BRUTE_FORCED_USER,
        invalid: false,
        attempts: MAX_AUTH_TRIES,
      },
      host,
      random,
    ),
  );
  const login = scriptLogin(
    {
      at: base + 225_000,
      ip: sourceIp,
      port: random.int(32_768, 60_999),
      user: BRUTE_FORCED_USER,
      method: 'password',
      typos: 0,
      durationMs: 22 * MINUTE,
    },
    host,
    random,
  );
  return [...failures, ...login];
}
