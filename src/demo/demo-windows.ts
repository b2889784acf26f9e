import type { Random } from './prng.ts';
import type { AttackTruth } from './scenario-truth.ts';
import type { WindowsAuthEvent } from './windows-event.ts';
import { isWindowsFailure } from './windows-event.ts';
import { formatWinlogbeatDoc } from './winlogbeat-doc.ts';
import { generateBenignWindows } from './demo-windows-benign.ts';
import { generatePasswordSpray, generateRdpBruteForce, RDP_TARGET_USER } from './demo-windows-attacks.ts';
import { summarizeAttack } from './attack-truth.ts';
import { WINDOWS_HOSTS } from './people.ts';
import { DAY, SCHEDULE } from './schedule.ts';

export interface DemoWindows {
  lines: string[];
  attacks: AttackTruth[];
}

export function generateDemoWindows(start: number, random: Random): DemoWindows {
  const benign = generateBenignWindows(start, random.fork('benign'));
  const rdp = generateRdpBruteForce(start, random.fork('rdp-brute-force'));
  const spray = generatePasswordSpray(start, random.fork('password-spray'));
  const events = [...benign, ...rdp, ...spray]
    .filter((e) => e.at >= start && e.at < start + DAY)
    .sort((a, b) => a.at - b.at);
  assignRecordIds(events, random.fork('record-ids'));

  const attacks = [
    summarizeAttack(
      {
        id: SCHEDULE.rdpBruteForce.id,
        kind: 'brute-force',
        channel: 'windows',
        technique: 'T1110.001',
        description: `RDP password guessing for ${RDP_TARGET_USER} on the published Remote Desktop host`,
        sourceIp: SCHEDULE.rdpBruteForce.sourceIp,
        users: [RDP_TARGET_USER],
        host: WINDOWS_HOSTS.rds,
      },
      rdp.map(count),
    ),
    summarizeAttack(
      {
        id: SCHEDULE.passwordSpray.id,
        kind: 'password-spray',
        channel: 'windows',
        technique: 'T1110.003',
        description: 'One address tries one or two passwords on thirty accounts over NTLM against Exchange',
        sourceIp: SCHEDULE.passwordSpray.sourceIp,
        users: [...new Set(spray.map((e) => e.user))],
        host: WINDOWS_HOSTS.mail,
      },
      spray.map(count),
    ),
  ];
  return { lines: events.map(formatWinlogbeatDoc), attacks };
}

function count(e: WindowsAuthEvent) {
  return { at: e.at, key: e.code, failure: isWindowsFailure(e), count: 1 };
}

/** Each computer numbers its Security log records in the order it writes them. */
function assignRecordIds(events: WindowsAuthEvent[], random: Random): void {
  const next = new Map<string, number>();
  for (const event of events) {
    const id = next.get(event.computer) ?? random.int(100_000, 5_000_000);
    event.recordId = id;
    next.set(event.computer, id + random.int(1, 60));
  }
}
