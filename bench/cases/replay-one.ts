// `klaxon replay --threads 1` with the shipped rule pack: the main thread reads, parses and detects,
// for profiling the engine alone. Arguments: file, year ('-' for none).
import { getHeapStatistics } from 'node:v8';
import { loadRules, runReplay } from '../../src/app/index.ts';
import { report } from './measure.ts';

const [path, year] = process.argv.slice(2) as [string, string | undefined];
const rules = await loadRules(undefined);
const started = performance.now();
const result = await runReplay({
  inputs: [path],
  rules,
  threads: 1,
  year: year && year !== '-' ? Number(year) : undefined,
});
const ms = performance.now() - started;
const heapMb = Math.round(getHeapStatistics().used_heap_size / 1048576);
report({
  ms,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
  detections: result.detections,
  heapMb,
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
});
