import type { Random } from './prng.ts';
import type { AppEvent } from './app-event.ts';
import { APP_SERVICE, formatAppEvent } from './app-event.ts';
import type { AttackTruth } from './scenario-truth.ts';
import { generateBenignApp } from './demo-app-benign.ts';
import { generateCsrfBurst, generateForbiddenProbe } from './demo-app-attacks.ts';
import { summarizeAttack } from './attack-truth.ts';
import { NOSY_CUSTOMER } from './people.ts';
import { DAY, SCHEDULE } from './schedule.ts';

export interface DemoApp {
  lines: string[];
  attacks: AttackTruth[];
}

export function generateDemoApp(start: number, random: Random): DemoApp {
  const benign = generateBenignApp(start, random.fork('benign'));
  const csrf = generateCsrfBurst(start, random.fork('csrf'));
  const probe = generateForbiddenProbe(start, random.fork('forbidden'));
  const events = [...benign, ...csrf, ...probe.login, ...probe.probes]
    .filter((e) => e.at >= start && e.at < start + DAY)
    .sort((a, b) => a.at - b.at);
  const attacks = [
    summarizeAttack(
      {
        id: SCHEDULE.appCsrfBurst.id,
        kind: 'csrf-token-failures',
        channel: 'app',
        technique: 'T1190',
        description: 'A script posts state-changing forms without a valid CSRF token',
        sourceIp: SCHEDULE.appCsrfBurst.sourceIp,
        users: [],
        host: APP_SERVICE,
      },
      csrf.map(count),
    ),
    summarizeAttack(
      {
        id: SCHEDULE.appForbiddenProbe.id,
        kind: 'forbidden-access',
        channel: 'app',
        technique: 'T1190',
        description: `${NOSY_CUSTOMER.user}, logged in, requests admin pages and other customers' orders`,
        sourceIp: SCHEDULE.appForbiddenProbe.sourceIp,
        users: [NOSY_CUSTOMER.user],
        host: APP_SERVICE,
      },
      probe.probes.map(count),
    ),
  ];
  return { lines: events.map(formatAppEvent), attacks };
}

function count(e: AppEvent) {
  return { at: e.at, key: e.action, failure: e.outcome === 'failure', count: 1 };
}
