// `npm run bench`: throughput and memory of replay next to a floor measured on the same files in
// the same run (reading and splitting lines, plus JSON.parse for NDJSON), as ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/support/postgres.ts';
import { DATASETS } from '../test/support/datasets.ts';
import { fileURLToPath } from 'node:url';
import { generateBenchFiles } from './generate.ts';
import { threadedReplayRows } from './threads-rows.ts';
import { inTurn, median, medianRatio, perSecond, rateOf, ROUNDS } from './rounds.ts';
import { runSigmaBench } from './sigma.ts';
import type { CaseResult } from './cases/measure.ts';
import { buildCases, runCompiledCase } from './compiled-cases.ts';
import {
  printOutboxLatency,
  printReplayIntoStores,
  printReportToWebhook,
  REPLAY_STORE_ROUNDS,
} from './store-latency-tables.ts';
import { comparePeers } from './peers/peers.ts';
import { compareStartup } from './startup/startup.ts';
import { printTable } from './print-table.ts';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));

const runCase = runCompiledCase;

const fmt = (n: number) => n.toLocaleString('en-US');

mkdirSync(dataDir, { recursive: true });
console.log('Compiling the bench cases, then generating bench data (skipped when present)...');
await buildCases();
const files = await generateBenchFiles(dataDir, { ndjsonEvents: 1_000_000, sshdLines: 1_000_000, seed: 42 });

console.log('\n== replay throughput vs. the floor (same files, same run)');
const rows: string[][] = [
  ['input', 'case', 'lines/s', 'events/s', 'peak RSS MB', 'ratio to floor', 'target'],
];
for (const input of [
  {
    name: 'Winlogbeat 4625 NDJSON',
    path: files.ndjson,
    floorMode: 'json',
    year: undefined,
    target: '≥ 1.00',
  },
  { name: 'sshd auth.log', path: files.authLog, floorMode: 'lines', year: '2024', target: '≥ 0.50' },
]) {
  // The floor and the replay in turn, ROUNDS times: medians (see rounds.ts). For text, parsing alone
  // (no detection) too: how much of the floor's pace a parser leaves to everything after it.
  const [floors = [], replays = [], parses = []] = inTurn([
    () => runCase('floor', [input.path, input.floorMode]),
    () => runCase('replay', [input.path, input.year ?? '-']),
    ...(input.floorMode === 'json' ? [] : [() => runCase('parse', [input.path, input.year ?? '-'])]),
  ]);
  const floorRate = median(floors.map((result) => rateOf(result)));
  rows.push([
    input.name,
    `floor (${input.floorMode === 'json' ? 'read+split+JSON.parse' : 'read+split'})`,
    fmt(floorRate),
    '',
    fmt(median(floors.map((result) => result.maxRssMb))),
    '1.00',
  ]);
  if (parses.length > 0)
    rows.push([
      input.name,
      `parse only, no detection (${parses[0]?.events} events)`,
      fmt(median(parses.map((result) => rateOf(result)))),
      fmt(median(parses.map((result) => rateOf(result, result.events)))),
      fmt(median(parses.map((result) => result.maxRssMb))),
      medianRatio(parses, floors).toFixed(2),
      '',
    ]);
  rows.push([
    input.name,
    `replay, shipped pack (${replays[0]?.incidents} incidents)`,
    fmt(median(replays.map((result) => rateOf(result)))),
    fmt(median(replays.map((result) => rateOf(result, result.events)))),
    fmt(median(replays.map((result) => result.maxRssMb))),
    medianRatio(replays, floors).toFixed(2),
    input.target,
  ]);
  if (input.floorMode !== 'json') continue;
  // The same replay parsing every document whole, as before only the rules' fields were read.
  const whole = runCase('replay', [input.path, '-', '-', 'whole']);
  const wholeRate = perSecond(whole.lines, whole.ms);
  rows.push([
    input.name,
    `replay, whole events (${whole.incidents} incidents)`,
    fmt(wholeRate),
    fmt(perSecond(whole.events, whole.ms)),
    fmt(whole.maxRssMb),
    (wholeRate / floorRate).toFixed(2),
    '',
  ]);
}
printTable(rows);
console.log(`(floor, replay and parse only: medians of ${ROUNDS} rounds in turn; whole events: one run)`);

console.log(
  '\n== replay with worker threads (--threads auto) vs. the single-thread floor, NDJSON, shipped pack',
);
printTable(threadedReplayRows(files.ndjson, runCase));
console.log(`(floor and --threads auto: medians of ${ROUNDS} rounds in turn; main thread only: one run)`);

console.log('\n== native .evtx: records/s next to Debian python3-evtx on the same file, same run');
const evtxRows = evtxComparison();
if (evtxRows) printTable(evtxRows);
else console.log('(skipped: /usr/bin/python3 cannot import Evtx; apt-get install python3-evtx)');

console.log('\n== detection state: 1,000,000 events, each a new account and address, inside one window');
const keyRows = [
  [
    'rules',
    'keys alive',
    'state MB (heap + typed arrays)',
    'bytes/key',
    'keys after quiet',
    'MB after quiet',
    'peak RSS MB',
    'target',
    'events/s',
  ],
];
for (const [ruleSet, targetMb] of [
  ['one', 300],
  ['pack', 600],
] as const) {
  const keys = runCase('keys', ['1000000', ruleSet], ['--expose-gc']);
  keyRows.push([
    ruleSet === 'one' ? 'windows-logon-failure-user' : 'shipped pack',
    fmt(keys.keysAlive ?? 0),
    fmt(keys.stateAliveMb ?? 0),
    fmt(Math.round(((keys.stateAliveMb ?? 0) * 1024 * 1024) / Math.max(1, keys.keysAlive ?? 1))),
    fmt(keys.keysAfterQuiet ?? 0),
    fmt(keys.stateAfterQuietMb ?? 0),
    fmt(keys.maxRssMb),
    `< ${targetMb} MB: ${keys.maxRssMb < targetMb ? 'met' : 'NOT met'}`,
    fmt(perSecond(keys.events, keys.ms)),
  ]);
}
printTable(keyRows);

console.log(
  '\n== incidents into the store: replay of the NDJSON file with --store, next to replay without one',
);
const storeDir = mkdtempSync(join(tmpdir(), 'klaxon-bench-store-'));
const postgres = await startPostgres();
try {
  const postgresUrls: string[] = [];
  for (let round = 0; round < REPLAY_STORE_ROUNDS; round++)
    postgresUrls.push(await postgres.createDatabase(`replay_${round}`));
  printReplayIntoStores(runCase, printTable, files.ndjson, { dir: storeDir, postgresUrls });
  console.log('\n== through the outbox to a local webhook receiver, 200 notifications/s for 10 s');
  printOutboxLatency(runCase, printTable, { postgresUrl: await postgres.createDatabase('latency') });
} finally {
  await postgres.stop();
  rmSync(storeDir, { recursive: true, force: true });
}

console.log('\n== ingest API on loopback: batches of 500 events, 4 keep-alive clients, 8 s, SQLite journal');
const ingestRows = [
  ['endpoint', 'events/s', 'request p50 ms', 'request p99 ms', 'peak RSS MB', 'ratio to floor'],
];
const ingestFloor = runCase('ingest', ['floor', '8']);
const ingest = runCase('ingest', ['ingest', '8']);
for (const [name, result] of [
  ['floor (HTTP + JSON.parse, answer 202)', ingestFloor],
  ['POST /api/v1/events (token, validation, durable journal)', ingest],
] as const) {
  ingestRows.push([
    name,
    fmt(result.rate ?? 0),
    String(result.p50),
    String(result.p99),
    fmt(result.maxRssMb),
    ((result.rate ?? 0) / (ingestFloor.rate ?? 1)).toFixed(2),
  ]);
}
printTable(ingestRows);

console.log(
  '\n== failed-login reports → ingest API → detection → signed webhook: 400 accounts, 10th failures at 200/s',
);
printReportToWebhook(runCase, printTable);

// The compiled CLI's start-up next to node -e 0; fail2ban-regex and ElastAlert 2 on the same inputs
// (bench/peers/; skipped when not installed).
compareStartup();
await comparePeers(dataDir);

await runSigmaBench(dataDir);

/**
 * The largest public sample python-evtx can read (72 records in three chunks) is small, so both
 * sides decode it in a loop in one process: python-evtx renders each record's XML (evtx_dump.py),
 * Klaxon decodes it into the Winlogbeat document, and also on into events with the Windows mapping.
 */
function evtxComparison(): string[][] | undefined {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import Evtx.Evtx'], { stdio: 'ignore' }).status !== 0) return undefined;
  const sample = join(
    DATASETS,
    'windows/evtx-to-mitre-attack/raw/ID33205-SQL_Server_failed_login_with_non_existing_accounts.evtx',
  );
  const output = execFileSync(python, [`${casesDir}evtx-python.py`, sample, '20'], { encoding: 'utf8' });
  const reference = JSON.parse(output.trim().split('\n').at(-1) as string) as CaseResult;
  const referenceRate = perSecond(reference.lines, reference.ms);
  const rows = [['decoder (72-record sample, in a loop)', 'records', 'records/s', 'peak RSS MB', 'ratio']];
  rows.push([
    'python3-evtx 0.6.1: record.xml()',
    fmt(reference.lines ?? 0),
    fmt(referenceRate),
    fmt(reference.maxRssMb),
    '1.00',
  ]);
  for (const [name, mode] of [
    ['klaxon: document + XML', 'decode'],
    ['klaxon: document + XML + Windows mapping', 'events'],
  ] as const) {
    const result = runCase('evtx', [sample, mode, '500']);
    const rate = perSecond(result.lines, result.ms);
    rows.push([
      name,
      fmt(result.lines ?? 0),
      fmt(rate),
      fmt(result.maxRssMb),
      (rate / referenceRate).toFixed(1),
    ]);
  }
  return rows;
}
