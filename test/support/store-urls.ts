import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { TestPostgres } from './postgres.ts';
import { startPostgres } from './postgres.ts';

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
