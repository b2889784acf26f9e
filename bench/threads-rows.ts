// Bench rows for issue #13 point 3: replay of the NDJSON file by worker threads next to the
// single-thread floor (read + split + JSON.parse) of the same file, measured in the same run.
import type { CaseResult } from './cases/measure.ts';

type RunCase = (name: string, args: string[]) => CaseResult;

/** Target: replay with threads at 1.5× the single-thread floor or more. */
export const THREADS_TARGET = 1.5;

export function threadedReplayRows(path: string, runCase: RunCase): string[][] {
  const rate = (result: CaseResult) => Math.round(((result.lines ?? 0) * 1000) / result.ms);
  const floor = runCase('floor', [path, 'json']);
  const floorRate = rate(floor);
  const rows = [
    ['case', 'lines/s', 'threads', 'main-thread CPU s', 'peak RSS MB', 'ratio to floor', 'target'],
    ['floor (read+split+JSON.parse, 1 thread)', fmt(floorRate), '1', '', fmt(floor.maxRssMb), '1.00', ''],
  ];
  for (const threads of ['1', 'auto']) {
    const replay = runCase('replay-threads', [path, threads]);
    rows.push([
      `replay, ${threads === '1' ? 'main thread only' : threadsLabel(replay.threads ?? 1)} (${replay.incidents} incidents)`,
      fmt(rate(replay)),
      String(replay.threads),
      ((replay.mainMs ?? NaN) / 1000).toFixed(1),
      fmt(replay.maxRssMb),
      (rate(replay) / floorRate).toFixed(2),
      threads === '1' ? '' : `≥ ${THREADS_TARGET.toFixed(1)}`,
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
