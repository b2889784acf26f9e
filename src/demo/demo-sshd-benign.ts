import type { Random } from './prng.ts';
import type { SshdHostState, SyslogEvent } from './syslog-event.ts';
import {
  scriptCron,
  scriptFailedConnection,
  scriptLogin,
  scriptProbe,
  scriptSudo,
} from './sshd-connections.ts';
import { EMPLOYEES } from './people.ts';
import { HOUR, MINUTE, isNearAttack } from './schedule.ts';
import { pickDayOffsets, randomKeyFingerprint, wholeSecond } from './day-times.ts';

const SUDO_COMMANDS = [
  '/usr/bin/systemctl restart nginx',
  '/usr/bin/journalctl -u nginx --since today',
  '/usr/bin/apt-get update',
  '/usr/bin/tail -n 200 /var/log/syslog',
  '/usr/bin/docker ps',
];
const SCANNER_USERS = [
  'root',
  'admin',
  'test',
  'pi',
  'oracle',
  'ubuntu',
  'user',
  'support',
  'guest',
  'ftpuser',
];

export interface BenignSshd {
  events: SyslogEvent[];
  scanners: { ip: string; failures: number }[];
}

/** A normal day on the bastion: hourly CRON, admins logging in (now and then mistyping), internet scanners. */
export function generateBenignSshd(start: number, random: Random, host: SshdHostState): BenignSshd {
  const events: SyslogEvent[] = [];
  for (let hour = 0; hour < 24; hour++)
    events.push(...scriptCron(wholeSecond(start + hour * HOUR + 17 * MINUTE + 1000), host));
  events.push(...generateAdminLogins(start, random.fork('admins'), host));
  const scanners = generateScanners(start, random.fork('scanners'), host, events);
  return { events, scanners };
}

function generateAdminLogins(start: number, random: Random, host: SshdHostState): SyslogEvent[] {
  const events: SyslogEvent[] = [];
  for (const admin of EMPLOYEES.filter((e) => e.sshAdmin)) {
    const key = randomKeyFingerprint(random);
    const offsets = pickDayOffsets(random, random.int(1, 4), 8 * HOUR, 18.5 * HOUR, 15 * MINUTE);
    for (const offset of offsets) {
      const publickey = random.chance(0.7);
      const typos = publickey || isNearAttack(offset) ? 0 : pickTypos(random);
      const at = wholeSecond(start + offset);
      const login = scriptLogin(
        {
          at,
          ip: admin.ip,
          port: random.int(49_152, 65_535),
          user: admin.user,
          method: publickey ? 'publickey' : 'password',
          typos,
          key,
          durationMs: random.int(2, 60) * MINUTE,
        },
        host,
        random,
      );
      events.push(...login);
      if (random.chance(0.4))
        events.push(...scriptSudo(at + random.int(30, 300) * 1000, admin.user, random.pick(SUDO_COMMANDS)));
    }
  }
  events.push(
    ...scriptLogin(
      {
        at: wholeSecond(start + 90 * MINUTE),
        ip: '10.20.5.20',
        port: 40_112,
        user: 'backup',
        method: 'publickey',
        typos: 0,
        key: randomKeyFingerprint(random),
        durationMs: 4 * MINUTE,
      },
      host,
      random,
    ),
  );
  return events;
}

/** Mostly none; one typo in a password login now and then, two rarely, never more. */
function pickTypos(random: Random): number {
  const roll = random.next();
  return roll < 0.04 ? 2 : roll < 0.2 ? 1 : 0;
}

/** About one scanner an hour, each trying at most three failures (Invalid lines count as failures). */
function generateScanners(start: number, random: Random, host: SshdHostState, out: SyslogEvent[]) {
  const scanners: { ip: string; failures: number }[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const offset = hour * HOUR + random.int(5 * 60, 55 * 60) * 1000;
    if (isNearAttack(offset)) continue;
    const ip = `192.0.2.${10 + hour * 10 + random.int(0, 9)}`;
    const at = wholeSecond(start + offset);
    const port = random.int(30_000, 65_000);
    if (random.chance(0.3)) {
      out.push(...scriptProbe(at, ip, port, host, random));
      scanners.push({ ip, failures: 0 });
      continue;
    }
    const user = random.pick(SCANNER_USERS);
    const invalid = user !== 'root';
    const attempts = invalid ? random.int(1, 2) : random.int(1, 3);
    out.push(...scriptFailedConnection({ at, ip, port, user, invalid, attempts }, host, random));
    scanners.push({ ip, failures: attempts + (invalid ? 1 : 0) });
  }
  return scanners;
}
