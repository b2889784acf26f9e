// A parse worker's work on one file (shipped pack, light columns), done on this thread alone: what
// the worker thread of `--threads auto` spends per event, without the main thread's noise.
import { statSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadRules } from '../../src/app/index.ts';
import { createRangeParser } from '../../src/app/parallel/chunk-parser.ts';
import { LightColumnWriter } from '../../src/app/parallel/light-columns.ts';
import { fieldsToKeep } from '../../src/app/parallel/light-events.ts';
import { parseRange } from '../../src/app/parallel/parse-range.ts';
import { planRanges } from '../../src/app/parallel/plan-ranges.ts';
import { report } from './measure.ts';

// Arguments: file, format (default windows), rounds (default 3; the best is reported).
const [path, format = 'windows', roundsArg = '3'] = process.argv.slice(2) as [string, string?, string?];
const fields = fieldsToKeep(await loadRules(undefined)) as string[];
const parser = createRangeParser(format, {}, fields);
const writer = new LightColumnWriter(fields);
const ranges = planRanges(statSync(path).size);
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

let best: { ms: number; cpuMs: number; gcMs: number; events: number } | undefined;
for (let round = 0; round < Number(roundsArg); round++) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  gcMs = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let events = 0;
  ranges.forEach((range, seq) => {
    parseRange(path, { seq, ...range }, parser, 1 << 20, writer);
    events += writer.take().columns.ends.length;
  });
  const cpu = process.cpuUsage(cpu0);
  await new Promise((resolve) => setTimeout(resolve, 10));
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  if (best === undefined || cpuMs < best.cpuMs)
    best = { ms: performance.now() - started, cpuMs, gcMs: Math.round(gcMs), events };
}
if (best) report(best);
