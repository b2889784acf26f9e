// `klaxon replay --threads N` with the shipped rule pack, without printing (N = 1: the main thread alone).
import { readFileSync } from 'node:fs';
import { loadRules, runReplay } from '../../src/app/index.ts';
import { report } from './measure.ts';

// Arguments: file, threads (a number or `auto`).
const [path, threadsArg] = process.argv.slice(2) as [string, string | undefined];
const threads = threadsArg === undefined || threadsArg === 'auto' ? 'auto' : Number(threadsArg);
const rules = await loadRules(undefined);
const started = performance.now();
const mainCpu0 = mainThreadCpuMs();
const cpu0 = process.cpuUsage();
const result = await runReplay({ inputs: [path], rules, threads });
const ms = performance.now() - started;
const mainMs = mainThreadCpuMs() - mainCpu0;
report({
  ms,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
  threads: result.files[0]?.threads ?? 1,
  mainMs,
  // Every thread's CPU during the replay (workers, and V8's own: GC, compilers).
  cpuMs: Math.round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000),
});

/** CPU time of the main thread alone (Linux: /proc), to tell its share from the workers'. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
