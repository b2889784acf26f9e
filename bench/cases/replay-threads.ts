// `klaxon replay --threads N` with the shipped rule pack, without printing (N = 1: the main thread alone).
import { loadRules, runReplay } from '../../src/app/index.ts';
import { report } from './measure.ts';
import { countThreadTimes } from './thread-times.ts';

// Arguments: file, threads (a number or `auto`).
const [path, threadsArg] = process.argv.slice(2) as [string, string | undefined];
const threads = threadsArg === undefined || threadsArg === 'auto' ? 'auto' : Number(threadsArg);
const rules = await loadRules(undefined);
const started = performance.now();
const counting = countThreadTimes();
const cpu0 = process.cpuUsage();
const result = await runReplay({ inputs: [path], rules, threads });
const ms = performance.now() - started;
const used = process.cpuUsage(cpu0);
const { mainMs, workersMs, helpersMs } = counting.stop();
report({
  ms,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
  threads: result.files[0]?.threads ?? 1,
  mainMs,
  workersMs,
  // Node's and V8's own threads: GC helpers, optimizing compilers, libuv's pool.
  helpersMs,
  // Every thread's CPU during the replay.
  cpuMs: Math.round((used.user + used.system) / 1000),
});
