import { createRandom } from './prng.ts';
import type { Random } from './prng.ts';
import { createBenchAddresses, createBenchUsers } from './bench-keys.ts';
import type { BenchSourceOptions, LineSource } from './line-source.ts';
import { createPidAllocator, createSshdHostState } from './syslog-event.ts';
import type { SshdHostState, SyslogEvent } from './syslog-event.ts';
import { createSyslogFormatter } from './syslog-line.ts';
import {
  MAX_AUTH_TRIES,
  scriptCron,
  scriptFailedConnection,
  scriptLogin,
  scriptProbe,
  scriptSudo,
} from './sshd-connections.ts';
import { randomKeyFingerprint } from './day-times.ts';

/** Lines per connection script on average, to spread the requested lines over the span. */
const LINES_PER_SCRIPT = 8.5;
/** Entries wait here until no later script can write before them, then leave in time order. */
const FLUSH_AT = 4_096;
/** Accounts that exist on the host besides root: guesses for them are `Failed`, not `Invalid user`. */
const EXISTING_ACCOUNTS = new Set(['oracle', 'postgres', 'ubuntu']);
const STAFF = ['deploy', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'];

/**
 * An internet-facing host's auth.log: mostly failed and invalid-user password guesses (with
 * `message repeated` lines) from skewed addresses, probes, some accepted logins, CRON and sudo.
 */
export function createAuthLogSource(options: BenchSourceOptions): LineSource {
  const random = createRandom(options.seed).fork('auth-log');
  const addresses = createBenchAddresses(50_000, random.fork('addresses'));
  const guessed = createBenchUsers(5_000).filter((user) => user !== 'root');
  const keys = STAFF.map(() => randomKeyFingerprint(random));
  const host = createSshdHostState(createPidAllocator(() => random.int(1, 9)));
  const format = createSyslogFormatter('web-01');
  const meanGap = (options.spanMs * LINES_PER_SCRIPT) / Math.max(1, options.lines);
  let time = Math.floor(options.start / 1000) * 1000;
  let nextCron = time;
  let pending: SyslogEvent[] = [];
  let ready: string[] = [];
  let readyIndex = 0;

  const writeScript = () => {
    time += Math.round((-Math.log(1 - random.next()) * meanGap) / 1000) * 1000;
    while (time >= nextCron) {
      pending.push(...scriptCron(nextCron, host));
      nextCron += 10 * 60_000;
    }
    const ip = addresses[random.skewedIndex(addresses.length, 3)] as string;
    const port = random.int(1_024, 65_535);
    const roll = random.next();
    if (roll < 0.62)
      pending.push(...scriptFailedConnection(pickGuess(random, time, ip, port, guessed), host, random));
    else if (roll < 0.85) pending.push(...scriptProbe(time, ip, port, host, random));
    else if (roll < 0.97) pending.push(...scriptStaffLogin(random, time, host, keys));
    else pending.push(...scriptSudo(time, random.pick(STAFF), '/usr/bin/systemctl reload nginx'));
  };

  const refill = () => {
    for (let i = 0; i < FLUSH_AT / 8 || pending.length < FLUSH_AT; i++) writeScript();
    pending.sort((a, b) => a.at - b.at);
    const due = pending.filter((e) => e.at < time);
    pending = pending.filter((e) => e.at >= time);
    ready = due.map((e) => format(e.at, e.program, e.pid, e.message));
    readyIndex = 0;
  };

  return {
    writeLine(target, offset) {
      while (readyIndex >= ready.length) refill();
      return offset + target.write(ready[readyIndex++] as string, offset, 'utf8');
    },
  };
}

function pickGuess(random: Random, at: number, ip: string, port: number, guessed: readonly string[]) {
  const root = random.chance(0.45);
  const user = root ? 'root' : (guessed[random.skewedIndex(guessed.length, 3)] as string);
  // Most bots use all six tries; the rest give up after one or two.
  const attempts = random.chance(0.6) ? MAX_AUTH_TRIES : random.int(1, MAX_AUTH_TRIES - 1);
  return { at, ip, port, user, invalid: !root && !EXISTING_ACCOUNTS.has(user), attempts };
}

function scriptStaffLogin(
  random: Random,
  at: number,
  host: SshdHostState,
  keys: readonly string[],
): SyslogEvent[] {
  const index = random.int(0, STAFF.length - 1);
  const publickey = random.chance(0.8);
  return scriptLogin(
    {
      at,
      ip: `10.0.${index}.${random.int(2, 40)}`,
      port: random.int(40_000, 65_535),
      user: STAFF[index] as string,
      method: publickey ? 'publickey' : 'password',
      typos: publickey ? 0 : random.chance(0.1) ? 1 : 0,
      key: keys[index] as string,
      durationMs: random.int(1, 30) * 60_000,
    },
    host,
    random,
  );
}
