// The "replay into a store" section of `npm run bench` alone, on any NDJSON file (e.g. the first
// 200,000 lines of bench/data/winlogbeat-4625.ndjson): no store, SQLite and a throwaway local
// PostgreSQL in turn, REPLAY_STORE_ROUNDS times (medians), the whole table `ROUNDS` times (default 1).
// Usage: FILE [ROUNDS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/support/postgres.ts';
import { buildCases, runCompiledCase } from './compiled-cases.ts';
import { printReplayIntoStores, REPLAY_STORE_ROUNDS } from './store-latency-tables.ts';
import { printTable } from './print-table.ts';

const [file, rounds = '1'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: bench/replay-into-stores.ts FILE [ROUNDS]');
await buildCases();

const postgres = await startPostgres();
try {
  for (let round = 0; round < Number(rounds); round++) {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-bench-store-'));
    try {
      const postgresUrls: string[] = [];
      for (let at = 0; at < REPLAY_STORE_ROUNDS; at++)
        postgresUrls.push(await postgres.createDatabase(`round_${round}_${at}`));
      printReplayIntoStores(runCompiledCase, printTable, file, { dir, postgresUrls });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await postgres.stop();
}
