import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioTruth } from '../demo/scenario.ts';
import { generateDemoDay } from '../demo/scenario.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';

export interface DemoOptions {
  seed: number;
  /** Midnight (UTC) of the simulated day. */
  start: Date;
}

export interface DemoResult {
  report: ReplayReport;
  truth: ScenarioTruth;
}

/**
 * The demo: a simulated day on a small company (benign logins plus an SSH brute force, an RDP
 * brute force, a password spray, a brute force that ends in a login and web-app abuse), written
 * as the files Klaxon reads in production and replayed through the shipped rule pack.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const day = generateDemoDay({ seed: options.seed, start: options.start });
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-demo-'));
  try {
    const files = {
      'auth.log': day.sshd,
      'winlogbeat-security.ndjson': day.windows,
      'shop-web-events.ndjson': day.app,
    };
    for (const [name, lines] of Object.entries(files))
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    const report = await runReplay({
      inputs: Object.keys(files).map((name) => join(dir, name)),
      rules: await loadRules(undefined),
      year: options.start.getUTCFullYear(),
    });
    return { report, truth: day.truth };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
