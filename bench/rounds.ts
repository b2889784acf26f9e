// Cases run in turn for a few rounds, and their medians: on the shared two-core machine one run of
// a case swings by about ±10 %, a floor as much as a replay, so a ratio of single runs could move
// by 0.15 between two runs of the same code.
import type { CaseResult } from './cases/measure.ts';

export const ROUNDS = 3;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Each of `cases` run once per round, in turn: each case's results, round by round. */
export function inTurn(cases: ReadonlyArray<() => CaseResult>, rounds = ROUNDS): CaseResult[][] {
  const results = cases.map((): CaseResult[] => []);
  for (let round = 0; round < rounds; round++)
    for (const [index, run] of cases.entries()) results[index]?.push(run());
  return results;
}

/** `count` per second of `ms` milliseconds, rounded. */
export function perSecond(count: number | undefined, ms: number): number {
  return Math.round(((count ?? 0) * 1000) / ms);
}

/** Lines (or `count`) per second of a result. */
export function rateOf(result: CaseResult, count = result.lines): number {
  return perSecond(count, result.ms);
}

/** The median of the ratios of `results` to `baselines` of the same round (lines/s to lines/s). */
export function medianRatio(results: readonly CaseResult[], baselines: readonly CaseResult[]): number {
  return median(results.map((result, round) => rateOf(result) / rateOf(baselines[round] as CaseResult)));
}
