// `tsx bench/sigma.ts` (also the last part of `npm run bench`): replay events/s of Sysmon process
// creations with 0, 100 and all loadable Windows Sigma rules, and their load time: the SigmaHQ sample
// in test/fixtures/sigmahq, another folder named by SIGMA_RULES_DIR, or `SIGMA_RULES_DIR=synthetic`
// (2,000 generated process_creation rules).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './cases/measure.ts';
import { buildCases, runCompiledCase } from './compiled-cases.ts';
import { writeProcessEvents } from './sigma-data.ts';

const SIGMAHQ_SAMPLE = fileURLToPath(new URL('../test/fixtures/sigmahq/', import.meta.url));

const runCase = (args: string[]): CaseResult => runCompiledCase('sigma', args);

export async function runSigmaBench(dataDir: string, events = 200_000): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `sysmon-process-${events}.ndjson`);
  if (!existsSync(path)) await writeProcessEvents(path, events);
  const chosen = process.env.SIGMA_RULES_DIR || SIGMAHQ_SAMPLE;
  const folder = chosen === 'synthetic' ? undefined : chosen;
  const source = folder
    ? `SigmaHQ rules from ${folder}`
    : 'synthetic rule set (2,000 process_creation rules)';
  console.log(
    `\n== Sigma rules: replay of ${events.toLocaleString('en-US')} Sysmon process creations; ${source}`,
  );
  const rows = [['rules', 'gated by literals', 'events/s', 'incidents', 'load ms', 'ratio to no rules']];
  let floor = 0;
  for (const howMany of ['0', '100', 'all']) {
    const result = runCase([path, howMany, folder ?? '-']);
    const rate = Math.round(((result.events ?? 0) * 1000) / result.ms);
    if (howMany === '0') floor = rate;
    rows.push([
      howMany === 'all'
        ? `all: ${result.rules} (${result.refused} of ${result.documents} documents refused)`
        : String(result.rules),
      String(result.gated),
      rate.toLocaleString('en-US'),
      String(result.incidents),
      howMany === '0' ? '-' : String(Math.round(result.loadMs ?? 0)),
      (rate / floor).toFixed(2),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCases();
  await runSigmaBench(fileURLToPath(new URL('./data/', import.meta.url)), Number(process.argv[2] ?? 200_000));
}
