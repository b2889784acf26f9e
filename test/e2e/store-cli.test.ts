import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeStoreWithRows, writeGarbageMidFile } from '../../src/store/store-damage.fixture.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-store-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const fileIn = (name: string) => join(dir, `${serial++}-${name}`);

/** A plain message from the CLI: no stack frames, no error class names. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/\n\s+at |Error:|node:internal/);
}

describe('klaxon store check', () => {
  it('prints each check and exits 0 for a sound store', async () => {
    const file = fileIn('klaxon.db');
    await makeStoreWithRows(file, 20);
    const run = await runCli('store', 'check', '--store', `sqlite:${file}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`store sqlite:${file}`);
    expect(run.stdout).toMatch(/ok {3}schema: schema version \d+ \(current\)/);
    expect(run.stdout).toContain('ok   integrity_check: ok');
  });

  it('exits 1 and names the damage for a store with garbage in the middle of its pages', async () => {
    const file = fileIn('klaxon.db');
    await makeStoreWithRows(file);
    writeGarbageMidFile(file);
    const run = await runCli('store', 'check', '--store', `sqlite:${file}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL integrity_check: \S/);
    expectPlain(run.stdout + run.stderr);
  });

  it('reads the store from klaxon.yaml with --config', async () => {
    const file = fileIn('klaxon.db');
    const config = fileIn('klaxon.yaml');
    writeFileSync(config, `store: sqlite:${file}\n`);
    const run = await runCli('store', 'check', '--config', config);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAIL open: no store at ${file}`);
  });
});

describe('a store file that is not a Klaxon store', () => {
  it.each([
    ['empty', '', 'is empty (0 bytes)'],
    ['text', 'hello\n', 'is not a SQLite database'],
  ])('is refused plainly by every command (%s file)', async (_kind, content, reason) => {
    const file = fileIn('klaxon.db');
    writeFileSync(file, content);
    for (const args of [
      ['incidents', 'list', '--store', `sqlite:${file}`],
      ['store', 'init', '--store', `sqlite:${file}`],
      ['store', 'check', '--store', `sqlite:${file}`],
    ]) {
      const run = await runCli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).toContain(`${file} ${reason}`);
      expectPlain(run.stdout + run.stderr);
    }
  });

  it('is replaced by a new store only on an explicit store init --replace-empty, and only when empty', async () => {
    const empty = fileIn('klaxon.db');
    writeFileSync(empty, '');
    const run = await runCli('store', 'init', '--store', `sqlite:${empty}`, '--replace-empty');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`store sqlite:${empty} ready`);
    expect((await runCli('store', 'check', '--store', `sqlite:${empty}`)).code).toBe(0);
    const text = fileIn('klaxon.db');
    writeFileSync(text, 'hello\n');
    const refused = await runCli('store', 'init', '--store', `sqlite:${text}`, '--replace-empty');
    expect(refused.code).toBe(1);
    expect(readFileSync(text, 'utf8')).toBe('hello\n');
  });

  it('stops klaxon start before it listens, when the quick check finds damage', async () => {
    const file = fileIn('klaxon.db');
    await makeStoreWithRows(file);
    writeGarbageMidFile(file);
    const config = fileIn('klaxon.yaml');
    writeFileSync(config, [`store: sqlite:${file}`, 'server: { listen: "127.0.0.1:0" }', ''].join('\n'));
    const run = await runCli('start', '--config', config);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/klaxon: the store failed its check \(quick_check: \S/);
    expectPlain(run.stderr);
  });
});
