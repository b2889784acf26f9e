import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.ts';
import { registerToken } from './token.ts';

let dir = '';
let cwd = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klaxon-token-'));
  cwd = process.cwd();
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

async function runToken(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const io = { out: (text: string) => out.push(text), err: () => {} };
  const program = new Command('klaxon').exitOverride();
  registerToken(program, io);
  await program.parseAsync(['token', ...args], { from: 'user' });
  return out;
}

async function tokenNames(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    return (await store.apiTokens.list()).map((token) => token.name);
  } finally {
    await store.close();
  }
}

describe('klaxon token', () => {
  it('uses the store named in --config', async () => {
    const store = `sqlite:${join(dir, 'configured.db')}`;
    writeFileSync(join(dir, 'other.yaml'), `store: ${store}\n`);
    await runToken(['add', 'shop', '--config', join(dir, 'other.yaml')]);
    expect(await tokenNames(store)).toEqual(['shop']);
    const listed = await runToken(['list', '--config', join(dir, 'other.yaml')]);
    expect(listed[0]).toMatch(/^shop\tingest\t-\tactive/);
  });

  it('uses ./klaxon.yaml when it exists, as klaxon start does', async () => {
    writeFileSync(join(dir, 'klaxon.yaml'), `store: sqlite:${join(dir, 'k.db')}\n`);
    process.chdir(dir);
    await runToken(['add', 'shop']);
    await runToken(['revoke', 'shop']);
    const listed = await runToken(['list']);
    expect(listed[0]).toMatch(/^shop\t.*revoked/);
    expect(await tokenNames(`sqlite:${join(dir, 'k.db')}`)).toEqual(['shop']);
  });

  it('lets --store win over the configuration file', async () => {
    writeFileSync(join(dir, 'klaxon.yaml'), `store: sqlite:${join(dir, 'k.db')}\n`);
    const flagged = `sqlite:${join(dir, 'flag.db')}`;
    await runToken(['add', 'ci', '--store', flagged, '--config', join(dir, 'klaxon.yaml')]);
    expect(await tokenNames(flagged)).toEqual(['ci']);
  });
});
