import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { Incident } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { OpenStoreOptions, StoreOperations } from '../../src/store/index.ts';
import type { TestPostgres } from './postgres.ts';
import { queryPostgres, startPostgres } from './postgres.ts';

export type StoreDialectName = 'sqlite' | 'postgres';

/**
 * For a describe block that runs on both stores: starts a test PostgreSQL before its tests and
 * removes it and the SQLite files after. Returns a maker of fresh store URLs by dialect and name.
 */
export function useStoreUrls(prefix: string): (dialect: StoreDialectName, name: string) => Promise<string> {
  const dirs: string[] = [];
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return async (dialect, name) => {
    if (dialect === 'postgres') return (postgres as TestPostgres).createDatabase(name);
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return `sqlite:${join(dir, `${name}.db`)}`;
  };
}

/** The incidents table of the store at `url` as the database holds it, every column as the driver reads it. */
async function rawIncidentRows(url: string): Promise<unknown[]> {
  const query = 'select * from incidents order by serial';
  if (url.startsWith('sqlite:')) {
    const db = new Sqlite(url.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(query).all();
    } finally {
      db.close();
    }
  }
  return queryPostgres(url, query);
}

/**
 * Runs `work` on the store at `url` (opened with `options`), all in one transaction or each write
 * at once, then reads what it left: the incidents and the raw rows. For tests that compare the two ways.
 */
export async function writeThenRead<T>(
  url: string,
  work: (ops: StoreOperations) => Promise<T>,
  inOneTransaction: boolean,
  options: OpenStoreOptions = {},
): Promise<{ returned: T; stored: Incident[]; rows: unknown[] }> {
  const store = await openStore(url, options);
  try {
    const returned = inOneTransaction ? await store.transaction(work) : await work(store);
    return {
      returned,
      stored: await store.incidents.list({ order: 'oldest' }),
      rows: await rawIncidentRows(url),
    };
  } finally {
    await store.close();
  }
}
