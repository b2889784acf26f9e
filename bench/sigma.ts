// `tsx bench/sigma.ts` (also the last part of `npm run bench`): replay events/s of Sysmon process
// creations with 0, 100 and all loadable Windows Sigma rules, and their load time: the SigmaHQ sample
// in test/fixtures/sigmahq, another folder named by SIGMA_RULES_DIR, or `SIGMA_RULES_DIR=synthetic`
// (2,000 generated process_creation rules).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './cases/measure.ts';
import { buildCases, runCompiledCase } from './compiled-cases.ts';
import { inTurn, median, medianRatio, rateOf, ROUNDS } from './rounds.ts';
import { writeProcessEvents } from './sigma-data.ts';

const SIGMAHQ_SAMPLE = fileURLToPath(new URL('../test/fixtures/sigmahq/', import.meta.url));

const runCase = (args: string[]): CaseResult => runCompiledCase('sigma', args);
/** Issue #15's goal: with all the rules loaded, at least half the speed of a replay with none. */
const SIGMA_TARGET = 0.5;

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
  const rows = [
    ['rules', 'gated by literals', 'events/s', 'incidents', 'load ms', 'ratio to no rules', 'target'],
  ];
  // In turn, ROUNDS times (see rounds.ts): a single run of each swung the ratio by 0.05 or more.
  const counts = ['0', '100', 'all'];
  const [floors = [], ...withRules] = inTurn(
    counts.map((howMany) => () => runCase([path, howMany, folder ?? '-'])),
  );
  for (const [index, howMany] of counts.entries()) {
    const results = index === 0 ? floors : (withRules[index - 1] ?? []);
    const first = results[0] as CaseResult;
    const ratio = index === 0 ? 1 : medianRatio(results, floors);
    rows.push([
      howMany === 'all'
        ? `all: ${first.rules} (${first.refused} of ${first.documents} documents refused)`
        : String(first.rules),
      String(first.gated),
      median(results.map((result) => rateOf(result, result.events))).toLocaleString('en-US'),
      String(first.incidents),
      howMany === '0' ? '-' : String(Math.round(median(results.map((result) => result.loadMs ?? 0)))),
      ratio.toFixed(2),
      howMany === 'all'
        ? `≥ ${SIGMA_TARGET} (#15): ${ratio >= SIGMA_TARGET ? 'met' : 'NOT met'} (${ratio.toFixed(3)})`
        : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log(`(medians of ${ROUNDS} rounds in turn)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCases();
  await runSigmaBench(fileURLToPath(new URL('./data/', import.meta.url)), Number(process.argv[2] ?? 200_000));
}
