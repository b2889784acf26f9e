// `klaxon replay` with the shipped rule pack, as the CLI runs it, without printing.
import { loadRules, runReplay } from '../../src/app/index.ts';
import { report } from './measure.ts';

const [path, year] = process.argv.slice(2) as [string, string | undefined];
const rules = await loadRules(undefined);
const started = performance.now();
const result = await runReplay({ inputs: [path], rules, year: year ? Number(year) : undefined });
report({
  ms: performance.now() - started,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
});
