// Bench rows for issue #13 point 3: replay of the NDJSON file by worker threads next to the
// single-thread floor (read + split + JSON.parse) of the same file, measured in the same run: the
// floor and the replay with `--threads auto` in turn, ROUNDS times (medians); the replay on the
// main thread alone once, for its CPU.
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
    ['case', 'lines/s', 'threads', 'main-thread CPU s', 'peak RSS MB', 'ratio to floor', 'target'],
    [
      'floor (read+split+JSON.parse, 1 thread)',
      fmt(floorRate),
      '1',
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
      (median(results.map((result) => result.mainMs ?? NaN)) / 1000).toFixed(1),
      fmt(median(results.map((result) => result.maxRssMb))),
      ratio.toFixed(2),
      target,
    ]);
  }
  return rows;
}

/** `--threads N` is the main thread and N - 1 workers. */
function threadsLabel(threads: number): string {
  return `${threads} threads (main + ${threads - 1} worker${threads === 2 ? '' : 's'})`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
