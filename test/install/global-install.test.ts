// SLOW (about 15 s with a warm npm cache, a few minutes when npm must fetch packages): packs this
// checkout and installs the tarball with npm into a temporary prefix, then runs the installed CLI
// from a folder outside the repository.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../support/datasets.ts';
import { waitFor } from '../support/wait-for.ts';
import type { InstalledCli } from './install-packed-cli.ts';
import { installPackedCli, ROOT } from './install-packed-cli.ts';

const run = promisify(execFile);
const INSTALL_TIMEOUT = 600_000;

describe('the CLI installed from its npm tarball', () => {
  let cli: InstalledCli;
  let work: string;
  const klaxon = async (...args: string[]) =>
    (await run(cli.bin, args, { cwd: work, encoding: 'utf8' })).stdout;

  beforeAll(async () => {
    cli = await installPackedCli();
    work = mkdtempSync(join(tmpdir(), 'klaxon-outside-'));
  }, INSTALL_TIMEOUT);
  afterAll(() => {
    for (const dir of [work, join(cli.prefix, '..')]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships JavaScript only: no TypeScript sources, no tsx', () => {
    const files = readdirSync(cli.packageDir, { recursive: true, encoding: 'utf8' }).filter(
      (path) => !path.startsWith('node_modules'),
    );
    expect(files).toContain(join('dist', 'cli', 'main.js'));
    expect(files).toContain(join('dist', 'cli', 'rule-pack.json'));
    expect(files.filter((path) => path.endsWith('.ts'))).toEqual([]);
    expect(readdirSync(join(cli.packageDir, 'node_modules'))).not.toContain('tsx');
  });

  it('prints the version of package.json and the commands', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await klaxon('--version')).trim()).toBe(manifest.version);
    expect(await klaxon('--help')).toMatch(/demo \[options\][\s\S]*replay \[options\] <files\.\.\.>/);
  });

  it('runs the demo outside the repository', async () => {
    const out = await klaxon('demo', '--date', '2026-03-02');
    expect(out).toContain('Simulated 2026-03-02');
    expect(out).toMatch(/^Incidents: 12 /m);
    expect(out).toMatch(/^6 cases \(one per attack\)/m);
  });

  it('writes a configuration with init that config check accepts, and checks the shipped rules', async () => {
    expect(await klaxon('init')).toMatch(/wrote \.\/klaxon\.yaml/);
    expect(await klaxon('config', 'check')).toContain(`store: sqlite:${join(work, 'klaxon.db')}`);
    expect(await klaxon('rules', 'check')).toMatch(/^\d+ rules OK/);
  });

  it('replays with its precompiled rule pack, as with the YAML and without loading yaml', async () => {
    const log = `${DATASETS}sshd/auth.log`;
    const replay = (...args: string[]) =>
      run(cli.bin, ['replay', log, '--year', '2017', ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NODE_DEBUG: 'esm', KLAXON_CACHE_DIR: '' },
      });
    const packed = await replay();
    const yaml = await replay('--rules', join(cli.packageDir, 'rules'));
    expect(packed.stdout).toMatch(/Incidents: [1-9]/);
    expect(packed.stdout).toBe(yaml.stdout);
    expect(yaml.stderr).toMatch(/dist\/cli\/yaml-/);
    expect(packed.stderr).not.toMatch(/dist\/cli\/yaml-/);
  });

  it('reads Windows events as XML with the XML parser it installed (loaded at the first event)', async () => {
    const event = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4625</EventID><TimeCreated SystemTime='2024-03-04T10:00:00.0000000Z'/><Channel>Security</Channel><Computer>DC01</Computer></System><EventData><Data Name='TargetUserName'>alice</Data><Data Name='IpAddress'>203.0.113.9</Data><Data Name='LogonType'>3</Data></EventData></Event>`;
    writeFileSync(join(work, 'security.xml'), `${event}\n`);
    const parsed = await run(cli.bin, ['parse', 'security.xml'], { cwd: work, encoding: 'utf8' });
    expect(parsed.stderr).toContain('(windows-xml): 1 line, 1 event');
    expect(JSON.parse(parsed.stdout)).toMatchObject({
      user: { name: 'alice' },
      source: { ip: '203.0.113.9' },
    });
  });

  it('opens its SQLite store', async () => {
    await klaxon('store', 'init', '--store', 'sqlite:./installed.db');
    expect(await klaxon('incidents', 'list', '--store', 'sqlite:./installed.db')).toMatch(/No incidents/);
    expect(readdirSync(work)).toContain('installed.db');
  });

  it('serves the dashboard it ships and logs a user in with klaxon start', async () => {
    const dir = mkdtempSync(join(work, 'live-'));
    writeFileSync(join(dir, 'klaxon.yaml'), 'store: sqlite:./klaxon.db\nserver: { listen: "127.0.0.1:0" }\n');
    const add = run(cli.bin, ['user', 'add', 'alice', '--role', 'admin', '--password-stdin'], { cwd: dir });
    add.child.stdin?.end('a long enough password\n');
    await add;
    const child = spawn(cli.bin, ['start'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const url = await waitFor(
        'klaxon start to listen',
        () => /"url":"(http:[^"]+)"/.exec(log)?.[1],
        30_000,
      );
      expect(await (await fetch(`${url}/`)).text()).toMatch(/<!doctype html>/i);
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: 'a long enough password' }),
      });
      expect(login.status).toBe(200);
      const incidents = await fetch(`${url}/api/v1/incidents`, {
        headers: { cookie: login.headers.getSetCookie()[0] ?? '' },
      });
      expect(await incidents.json()).toMatchObject({ items: [], total: 0 });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
