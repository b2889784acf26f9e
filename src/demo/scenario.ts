import { createRandom } from './prng.ts';
import type { DemoDay } from './scenario-truth.ts';

export type { AttackKind, AttackTruth, DemoChannel, DemoDay, ScenarioTruth } from './scenario-truth.ts';
import { generateDemoSshd } from './demo-sshd.ts';
import { generateDemoWindows } from './demo-windows.ts';
import { generateDemoApp } from './demo-app.ts';
import { DAY } from './schedule.ts';

export interface DemoDayOptions {
  seed: number;
  /** Start of the simulated day (taken as local midnight; the attack times in schedule.ts are offsets from it). */
  start: Date;
}

/**
 * A simulated day at a small company, the same for the same seed and start: benign logins all day,
 * internet noise on sshd, and the attacks listed in schedule.ts, each described in `truth`.
 */
export function generateDemoDay({ seed, start }: DemoDayOptions): DemoDay {
  const from = start.getTime();
  const random = createRandom(seed);
  const sshd = generateDemoSshd(from, random.fork('sshd'));
  const windows = generateDemoWindows(from, random.fork('windows'));
  const app = generateDemoApp(from, random.fork('app'));
  return {
    sshd: sshd.lines,
    windows: windows.lines,
    app: app.lines,
    truth: {
      start: from,
      end: from + DAY,
      syslogYear: start.getUTCFullYear(),
      attacks: [...sshd.attacks, ...windows.attacks, ...app.attacks].sort((a, b) => a.start - b.start),
      scanners: sshd.scanners,
      maxBenignConsecutiveFailures: 2,
    },
  };
}
