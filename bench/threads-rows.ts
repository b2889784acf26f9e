// Bench rows for issue #13 point 3: replay of the NDJSON file by worker threads next to the
// single-thread floor (read + split + JSON.parse) of the same file, measured in the same run: the
// floor and the replay with `--threads auto` in turn, ROUNDS times (medians); the replay on the
// main thread alone once, for its CPU. Each replay's CPU is shown by thread: the main thread, the
// parse workers, and the threads Node and V8 keep beside them (GC helpers, optimizing compilers),
// and all of it as cores kept busy over the replay's time (2.0 on two cores: no core to spare).
import type { CaseResult } from './cases/measure.ts';
import { inTurn, median, medianRatio, rateOf } from './rounds.ts';

type RunCase = (name: string, args: string[]) => CaseResult;

/** Target: replay with threads at 1.5× the single-thread floor or more. */
export const THREADS_TARGET = 1.5;

export function threadedReplayRows(path: string, runCase: RunCase): string[][] {
  const [floors = [], threaded = []] = inTurn([
    () => runCase('floor', [path, 'json']),
    () => runCase('replay-threads', [path, 'auto']),
  ]);
  const mainOnly = runCase('replay-threads', [path, '1']);
  const floorRate = median(floors.map((result) => rateOf(result)));
  const rows = [
    [
      'case',
      'lines/s',
      'threads',
      'CPU s: main / workers / V8+Node helpers',
      'cores busy',
      'peak RSS MB',
      'ratio to floor',
      'target',
    ],
    [
      'floor (read+split+JSON.parse, 1 thread)',
      fmt(floorRate),
      '1',
      '',
      '',
      fmt(median(floors.map((result) => result.maxRssMb))),
      '1.00',
      '',
    ],
  ];
  for (const [results, ratio, target] of [
    [[mainOnly], rateOf(mainOnly) / floorRate, ''],
    [threaded, medianRatio(threaded, floors), `≥ ${THREADS_TARGET.toFixed(1)}`],
  ] as const) {
    const threads = results[0]?.threads ?? 1;
    rows.push([
      `replay, ${target === '' ? 'main thread only' : threadsLabel(threads)} (${results[0]?.incidents} incidents)`,
      fmt(median(results.map((result) => rateOf(result)))),
      String(threads),
      threadCpu(results),
      median(results.map((result) => (result.cpuMs ?? NaN) / result.ms)).toFixed(2),
      fmt(median(results.map((result) => result.maxRssMb))),
      ratio.toFixed(2),
      target,
    ]);
  }
  return rows;
}

/** Median CPU seconds of the main thread, the parse workers and the helper threads. */
function threadCpu(results: readonly CaseResult[]): string {
  return (['mainMs', 'workersMs', 'helpersMs'] as const)
    .map((name) => (median(results.map((result) => result[name] ?? NaN)) / 1000).toFixed(1))
    .join(' / ');
}

/** `--threads N` is the main thread and N - 1 workers. */
function threadsLabel(threads: number): string {
  return `${threads} threads (main + ${threads - 1} worker${threads === 2 ? '' : 's'})`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
