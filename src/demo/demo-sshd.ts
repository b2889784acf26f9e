import type { Random } from './prng.ts';
import type { AttackTruth } from './scenario-truth.ts';
import type { SyslogEvent } from './syslog-event.ts';
import { createSshdHostState } from './syslog-event.ts';
import { createSyslogFormatter } from './syslog-line.ts';
import { generateBenignSshd } from './demo-sshd-benign.ts';
import {
  BRUTE_FORCED_USER,
  generateSshBruteForce,
  generateSshBruteForceSuccess,
} from './demo-sshd-attacks.ts';
import { summarizeAttack } from './attack-truth.ts';
import type { CountedEvent } from './attack-truth.ts';
import { SSHD_HOST } from './people.ts';
import { DAY, SCHEDULE } from './schedule.ts';

/** Pids handed out while generating are placeholders from here up; they are renumbered in time order. */
const PLACEHOLDER_PID = 1_000_000;

export interface DemoSshd {
  lines: string[];
  attacks: AttackTruth[];
  scanners: { ip: string; failures: number }[];
}

export function generateDemoSshd(start: number, random: Random): DemoSshd {
  let placeholder = PLACEHOLDER_PID;
  const host = createSshdHostState(() => placeholder++);
  const benign = generateBenignSshd(start, random.fork('benign'), host);
  const bruteForce = generateSshBruteForce(start, random.fork('brute-force'), host);
  const bruteForceSuccess = generateSshBruteForceSuccess(start, random.fork('brute-force-success'), host);

  const events = [...benign.events, ...bruteForce, ...bruteForceSuccess]
    .filter((event) => event.at >= start && event.at < start + DAY)
    .sort((a, b) => a.at - b.at);
  renumberPids(events, random.fork('pids'));
  renumberSessions(events);
  const format = createSyslogFormatter(SSHD_HOST);
  const lines = events.map((e) => format(e.at, e.program, e.pid, e.message));

  const attacks = [
    summarizeAttack(
      {
        id: SCHEDULE.sshBruteForce.id,
        kind: 'brute-force',
        channel: 'sshd',
        technique: 'T1110.001',
        description: 'SSH password guessing against root and common account names from one address',
        sourceIp: SCHEDULE.sshBruteForce.sourceIp,
        users: distinctUsers(bruteForce),
        host: SSHD_HOST,
      },
      countAuthEvents(bruteForce),
    ),
    summarizeAttack(
      {
        id: SCHEDULE.sshBruteForceSuccess.id,
        kind: 'brute-force-then-success',
        channel: 'sshd',
        technique: 'T1110.001',
        description: `Password guessing for ${BRUTE_FORCED_USER} that ends in an accepted login from the same address`,
        sourceIp: SCHEDULE.sshBruteForceSuccess.sourceIp,
        users: [BRUTE_FORCED_USER],
        host: SSHD_HOST,
      },
      countAuthEvents(bruteForceSuccess),
    ),
  ];
  return { lines, attacks, scanners: benign.scanners };
}

function countAuthEvents(events: readonly SyslogEvent[]): CountedEvent[] {
  return events.flatMap((e) =>
    e.auth
      ? [{ at: e.at, key: e.auth.event, failure: e.auth.event !== 'Accepted', count: e.auth.count }]
      : [],
  );
}

function distinctUsers(events: readonly SyslogEvent[]): string[] {
  return [...new Set(events.flatMap((e) => (e.auth ? [e.auth.user] : [])))];
}

/** Gives placeholder pids real ones that rise in time order, as a host's pids do. */
function renumberPids(events: SyslogEvent[], random: Random): void {
  const assigned = new Map<number, number>();
  let pid = 1290;
  for (const event of events) {
    if (event.pid === undefined || event.pid < PLACEHOLDER_PID) continue;
    let real = assigned.get(event.pid);
    if (real === undefined) {
      pid += random.int(1, 40);
      real = pid;
      assigned.set(event.pid, real);
    }
    event.pid = real;
  }
}

/** logind numbers sessions in the order they open; the scripts numbered them in the order they were written. */
function renumberSessions(events: SyslogEvent[]): void {
  const assigned = new Map<string, string>();
  for (const event of events) {
    if (event.program !== 'systemd-logind') continue;
    event.message = event.message.replace(/(?<=^(?:New|Removed) session )\d+/, (n) => {
      let real = assigned.get(n);
      if (real === undefined) {
        real = String(4_180 + assigned.size);
        assigned.set(n, real);
      }
      return real;
    });
  }
}
