// The store and latency tables of `npm run bench`, each figure next to its target (issue #13,
// points 5 and 6): replay into a store as a ratio of replay without one, and the p99 latencies.
import { join } from 'node:path';
import type { CaseResult } from './cases/measure.ts';

type RunCase = (name: string, args: string[]) => CaseResult;
type PrintTable = (table: string[][]) => void;

export const REPLAY_STORE_TARGETS = { sqlite: 0.9, postgres: 0.8 } as const;
export const P99_TARGET_MS = 100;

const perSecond = (count: number | undefined, ms: number) => Math.round(((count ?? 0) * 1000) / ms);
const fmt = (n: number) => n.toLocaleString('en-US');
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Replay of `ndjson` without a store, into SQLite and into PostgreSQL: ratios next to ≥ 0.9 / ≥ 0.8. */
export function printReplayIntoStores(
  runCase: RunCase,
  printTable: PrintTable,
  ndjson: string,
  stores: { dir: string; postgresUrl: string },
): void {
  const rows = [
    ['store', 'events/s', 'detections/s', 'incidents', 'peak RSS MB', 'ratio to no store', 'target'],
  ];
  const baseline = runCase('replay', [ndjson, '-']);
  const baselineRate = perSecond(baseline.events, baseline.ms);
  rows.push([
    'none (in memory)',
    fmt(baselineRate),
    fmt(perSecond(baseline.detections, baseline.ms)),
    fmt(baseline.incidents ?? 0),
    fmt(baseline.maxRssMb),
    '1.00',
    '',
  ]);
  for (const [name, url, target] of [
    ['sqlite (file, WAL)', `sqlite:${join(stores.dir, 'bench.db')}`, REPLAY_STORE_TARGETS.sqlite],
    ['postgresql (local cluster)', stores.postgresUrl, REPLAY_STORE_TARGETS.postgres],
  ] as const) {
    const result = runCase('replay', [ndjson, '-', url]);
    const ratio = perSecond(result.events, result.ms) / baselineRate;
    rows.push([
      name,
      fmt(perSecond(result.events, result.ms)),
      fmt(perSecond(result.detections, result.ms)),
      fmt(result.incidents ?? 0),
      fmt(result.maxRssMb),
      ratio.toFixed(2),
      `≥ ${target} ${meets(ratio >= target)}`,
    ]);
  }
  printTable(rows);
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

/** Failed-login reports → ingest API → incident → signed webhook, 10th failures at 200/s. */
export function printReportToWebhook(runCase: RunCase, printTable: PrintTable): void {
  const rows = [['settings', 'incidents/s', 'delivered', 'p50 ms', 'p99 ms', 'max ms', 'target p99']];
  for (const [name, tolerance] of [
    ['defaults (reorder tolerance 2 s, tick 250 ms)', '2000'],
    ['reorder_tolerance: 0s', '0'],
  ] as const) {
    const result = runCase('report-to-webhook', ['400', tolerance, '250', '200']);
    rows.push([
      name,
      fmt(result.rate ?? 0),
      `${result.delivered}/400`,
      String(result.p50),
      String(result.p99),
      String(result.max),
      `< ${P99_TARGET_MS} ${meets((result.p99 ?? Infinity) < P99_TARGET_MS)}`,
    ]);
  }
  printTable(rows);
}
