// The store and latency tables of `npm run bench`, each figure next to its target (issue #13,
// points 5 and 6): replay into a store as a ratio of replay without one, and the p99 latencies.
import { join } from 'node:path';
import type { CaseResult } from './cases/measure.ts';
import { median, perSecond } from './rounds.ts';

type RunCase = (name: string, args: string[]) => CaseResult;
type PrintTable = (table: string[][]) => void;

export const REPLAY_STORE_TARGETS = { sqlite: 0.9, postgres: 0.8 } as const;
export const P99_TARGET_MS = 100;

const fmt = (n: number) => n.toLocaleString('en-US');
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Rounds of the replay-into-store rows: the machine is shared, one run of each swung the ratio by ±0.05. */
export const REPLAY_STORE_ROUNDS = 3;

/**
 * Replay of `ndjson` without a store, into SQLite and into PostgreSQL: ratios next to ≥ 0.9 / ≥ 0.8.
 * The three run in turn, REPLAY_STORE_ROUNDS times (each round into fresh stores: one database per
 * round in `postgresUrls`); a store's ratio is the median of its ratios to the run without a store
 * of the same round, each rate the median of its rounds.
 */
export function printReplayIntoStores(
  runCase: RunCase,
  printTable: PrintTable,
  ndjson: string,
  stores: { dir: string; postgresUrls: readonly string[] },
): void {
  const targets = [
    { name: 'sqlite (file, WAL)', target: REPLAY_STORE_TARGETS.sqlite },
    { name: 'postgresql (local cluster)', target: REPLAY_STORE_TARGETS.postgres },
  ];
  const runs: CaseResult[][] = [[], [], []];
  for (const [round, postgresUrl] of stores.postgresUrls.entries()) {
    const urls = ['-', `sqlite:${join(stores.dir, `bench-${round}.db`)}`, postgresUrl];
    for (const [index, url] of urls.entries()) runs[index]?.push(runCase('replay', [ndjson, '-', url]));
  }
  const [baseline = [], ...stored] = runs;
  const rows = [
    ['store', 'events/s', 'detections/s', 'incidents', 'peak RSS MB', 'ratio to no store', 'target'],
    replayRow('none (in memory)', baseline, '1.00', ''),
  ];
  for (const [index, { name, target }] of targets.entries()) {
    const results = stored[index] ?? [];
    const ratio = median(
      results.map(
        (result, round) =>
          perSecond(result.events, result.ms) / perSecond(baseline[round]?.events, baseline[round]?.ms ?? 1),
      ),
    );
    rows.push(replayRow(name, results, ratio.toFixed(2), `≥ ${target} ${meets(ratio >= target)}`));
  }
  printTable(rows);
  console.log(`(median of ${stores.postgresUrls.length} rounds, each: no store, SQLite, PostgreSQL in turn)`);
}

function replayRow(name: string, results: readonly CaseResult[], ratio: string, target: string): string[] {
  const rateOf = (count: (r: CaseResult) => number | undefined) =>
    fmt(median(results.map((result) => perSecond(count(result), result.ms))));
  return [
    name,
    rateOf((result) => result.events),
    rateOf((result) => result.detections),
    fmt(results[0]?.incidents ?? 0),
    fmt(median(results.map((result) => result.maxRssMb))),
    ratio,
    target,
  ];
}

/** Outbox → signed webhook at 200 notifications/s, the delivery loop woken by each enqueue. */
export function printOutboxLatency(
  runCase: RunCase,
  printTable: PrintTable,
  stores: { postgresUrl: string },
): void {
  const rows = [['store', 'delivered/s', 'p50 ms', 'p99 ms', 'max ms', 'target p99']];
  for (const [name, url] of [
    ['sqlite (file, WAL)', '-'],
    ['postgresql (local cluster)', stores.postgresUrl],
  ] as const) {
    const result = runCase('outbox-latency', [url, '200', '10']);
    rows.push([
      name,
      fmt(result.rate ?? 0),
      String(result.p50),
      String(result.p99),
      String(result.max),
      `< ${P99_TARGET_MS} ${meets((result.p99 ?? Infinity) < P99_TARGET_MS)}`,
    ]);
  }
  printTable(rows);
}

/**
 * The first incidents after start, sent before the 400 measured at the same rate and shown apart:
 * they run code not yet compiled and open the webhook's connections (a daemon does that once).
 */
const WARM_INCIDENTS = 100;

/** Failed-login reports → ingest API → incident → signed webhook, 10th failures at 200/s. */
export function printReportToWebhook(runCase: RunCase, printTable: PrintTable): void {
  const rows = [
    [
      'settings',
      'incidents/s',
      'delivered',
      'p50 ms',
      'p99 ms',
      'max ms',
      'target p99',
      `first ${WARM_INCIDENTS} after start: p50 / max ms`,
    ],
  ];
  for (const [name, tolerance] of [
    ['defaults (reorder tolerance 2 s, tick 250 ms)', '2000'],
    ['reorder_tolerance: 0s', '0'],
  ] as const) {
    const result = runCase('report-to-webhook', ['400', tolerance, '250', '200', String(WARM_INCIDENTS)]);
    rows.push([
      name,
      fmt(result.rate ?? 0),
      `${result.delivered}/400`,
      String(result.p50),
      String(result.p99),
      String(result.max),
      `< ${P99_TARGET_MS} ${meets((result.p99 ?? Infinity) < P99_TARGET_MS)}`,
      `${result.coldP50} / ${result.coldMax} (${result.coldDelivered}/${WARM_INCIDENTS})`,
    ]);
  }
  printTable(rows);
}
