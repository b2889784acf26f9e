import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStore, openStore } from './index.ts';
import { makeStoreWithRows, writeGarbageMidFile } from './store-damage.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-store-refusal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const fileIn = (name: string) => join(dir, `${serial++}-${name}`);

describe('a store file that is not a Klaxon store', () => {
  it('refuses an empty (0-byte) file and leaves it as it was', async () => {
    const file = fileIn('klaxon.db');
    writeFileSync(file, '');
    await expect(openStore(`sqlite:${file}`)).rejects.toMatchObject({
      code: 'store',
      message: expect.stringContaining(`${file} is empty (0 bytes)`),
    });
    expect(statSync(file).size).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a text file', async () => {
    const file = fileIn('klaxon.db');
    writeFileSync(file, 'store: sqlite:./klaxon.db\n');
    await expect(openStore(`sqlite:${file}`)).rejects.toThrow(`${file} is not a SQLite database`);
  });

  it("refuses another application's SQLite database without changing it", async () => {
    const file = fileIn('app.db');
    const other = new BetterSqlite3(file);
    other.exec('create table customers (id integer primary key, name text)');
    other.close();
    const before = statSync(file).mtimeMs;
    await expect(openStore(`sqlite:${file}`)).rejects.toThrow(
      "is a SQLite database without Klaxon's tables (it holds customers)",
    );
    expect(statSync(file).mtimeMs).toBe(before);
    const reopened = new BetterSqlite3(file);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('refuses a store written by a newer Klaxon', async () => {
    const file = fileIn('klaxon.db');
    await (await openStore(`sqlite:${file}`)).close();
    const raw = new BetterSqlite3(file);
    raw.prepare('insert into klaxon_migrations (version, name, applied_at) values (999, ?, 0)').run('future');
    raw.close();
    await expect(openStore(`sqlite:${file}`)).rejects.toThrow('schema version 999');
    const report = await checkStore(`sqlite:${file}`);
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === 'schema')?.detail).toContain('newer Klaxon');
  });
});

describe('a new store', () => {
  it('is created where no file exists, with database, WAL and SHM files readable by the owner only', async () => {
    const folder = mkdtempSync(join(dir, 'modes-'));
    const file = join(folder, 'klaxon.db');
    const previous = process.umask(0o022);
    try {
      const store = await openStore(`sqlite:${file}`);
      await store.checkpoints.save('probe', 'x', 1);
      const files = readdirSync(folder);
      expect(files).toEqual(expect.arrayContaining(['klaxon.db', 'klaxon.db-wal', 'klaxon.db-shm']));
      for (const name of files) expect(statSync(join(folder, name)).mode & 0o777, name).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('takes group and other permissions off an existing store when it opens it', async () => {
    const file = fileIn('klaxon.db');
    await (await openStore(`sqlite:${file}`)).close();
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o644);
    await (await openStore(`sqlite:${file}`)).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('damage inside a store', () => {
  it('is found by the quick check at start and by the full check, which name the problem', async () => {
    const file = fileIn('klaxon.db');
    await makeStoreWithRows(file);
    expect((await checkStore(`sqlite:${file}`)).ok).toBe(true);
    writeGarbageMidFile(file);
    await expect(openStore(`sqlite:${file}`, { check: 'quick' })).rejects.toThrow(
      // The detail may run over lines (`*** in database main ***` then the page): `s`.
      /the store failed its check \(quick_check: .+\); run klaxon store check/s,
    );
    const report = await checkStore(`sqlite:${file}`);
    expect(report.ok).toBe(false);
    const integrity = report.checks.find((check) => check.name === 'integrity_check');
    expect(integrity?.ok).toBe(false);
    expect(integrity?.detail).not.toBe('');
  });

  it('passes a sound store, naming each check', async () => {
    const file = fileIn('klaxon.db');
    await makeStoreWithRows(file, 10);
    const report = await checkStore(`sqlite:${file}`);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.name)).toEqual(['open', 'schema', 'tables', 'integrity_check']);
    expect(report.checks.find((check) => check.name === 'tables')?.detail).toMatch(
      /^1[0-9] Klaxon tables present$/,
    );
  });

  it('never creates a store when asked to check one that does not exist', async () => {
    const file = fileIn('missing.db');
    const report = await checkStore(`sqlite:${file}`);
    expect(report).toMatchObject({ ok: false, checks: [{ name: 'open', detail: `no store at ${file}` }] });
    expect(existsSync(file)).toBe(false);
  });
});
