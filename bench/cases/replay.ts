// `klaxon replay` with the shipped rule pack, as the CLI runs it, without printing.
import { loadRules, runReplay } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { report } from './measure.ts';

// Arguments: file, year ('-' for none), store URL (optional, '-' for none: without it, incidents
// stay in memory), `whole` (optional: parse every event whole, not only the fields the rules read).
const [path, year, storeUrl, whole] = process.argv.slice(2) as (string | undefined)[];
const rules = await loadRules(undefined);
const store = storeUrl && storeUrl !== '-' ? await openStore(storeUrl) : undefined;
const cpu = process.cpuUsage();
const started = performance.now();
const result = await runReplay({
  inputs: [path as string],
  rules,
  year: year && year !== '-' ? Number(year) : undefined,
  store,
  wholeEvents: whole === 'whole',
});
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
await store?.close();
report({
  ms,
  cpuMs: (used.user + used.system) / 1000,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
  detections: result.detections,
});
