// The floor: the cost of just reading a file and splitting it into lines, plus JSON.parse for NDJSON.
import { readLineBatches } from '../../src/sources/file/index.ts';
import { report } from './measure.ts';

const [path, mode] = process.argv.slice(2) as [string, 'json' | 'lines'];
const cpu = process.cpuUsage();
const started = performance.now();
let lines = 0;
let sink = 0;
for await (const batch of readLineBatches(path)) {
  lines += batch.length;
  if (mode === 'json') {
    for (const line of batch) if (line !== '') sink += (JSON.parse(line) as object) ? 1 : 0;
  } else {
    for (const line of batch) sink += line.length > 0 ? 1 : 0;
  }
}
const used = process.cpuUsage(cpu);
report({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, lines, events: sink });
