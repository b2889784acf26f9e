import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPostgres, startPostgres } from '../../test/support/postgres.ts';
import type { TestPostgres } from '../../test/support/postgres.ts';
import { checkStore, openStore } from './index.ts';

let cluster: TestPostgres | undefined;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});

describe('klaxon store check on PostgreSQL', () => {
  it('passes a migrated store and never shows the password', async () => {
    const url = await (cluster as TestPostgres).createDatabase('check_sound');
    await (await openStore(url)).close();
    const report = await checkStore(url);
    expect(report.ok).toBe(true);
    expect(report.checks.find((check) => check.name === 'tables')?.detail).toMatch(
      /^1[0-9] Klaxon tables present$/,
    );
    const password = /:([^:@/]+)@/.exec(url)?.[1] ?? '';
    expect(JSON.stringify(report)).not.toContain(password);
  });

  it('fails when a table of the schema is missing, at check and at start', async () => {
    const url = await (cluster as TestPostgres).createDatabase('check_missing');
    await (await openStore(url)).close();
    await queryPostgres(url, 'drop table sessions');
    const report = await checkStore(url);
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === 'tables')?.detail).toBe('missing: sessions');
    await expect(openStore(url, { check: 'quick' })).rejects.toThrow('tables: missing: sessions');
  });

  it('fails on a database without Klaxon migration table', async () => {
    const url = await (cluster as TestPostgres).createDatabase('check_foreign');
    await queryPostgres(url, 'create table customers (id int)');
    const report = await checkStore(url);
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === 'schema')?.detail).toContain('klaxon_migrations');
  });
});
