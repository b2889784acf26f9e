import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../support/postgres.ts';
import { startPostgres } from '../support/postgres.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from './fault-harness.ts';

const bin = new URL('../../bin/klaxon.js', import.meta.url).pathname;

interface Daemon {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** `klaxon start` as an operator runs it: a child process on the test PostgreSQL, a random port. */
async function startDaemon(dir: string, store: string): Promise<Daemon> {
  writeFileSync(join(dir, 'auth.log'), '');
  writeFileSync(
    join(dir, 'klaxon.yaml'),
    [
      `store: ${store}`,
      'server: { listen: "127.0.0.1:0" }',
      'sources:',
      `  - { type: file, name: auth, path: ${join(dir, 'auth.log')}, format: sshd, poll: 50ms }`,
    ].join('\n'),
  );
  const child = spawn(process.execPath, [bin, 'start', '-c', join(dir, 'klaxon.yaml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  // The daemon logs JSON lines on stdout; stderr carries only what fails before the logger exists.
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  await waitFor('the daemon to listen', () => text.includes('started: dashboard'), 30_000);
  return { child, stderr: () => text, exited };
}

describe('stopping klaxon start', () => {
  let postgres: TestPostgres;
  let dir: string;
  let daemon: Daemon | undefined;
  let database = 0;

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  afterEach(async () => {
    daemon?.child.kill('SIGKILL');
    daemon = undefined;
    await postgres.startServer();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<Daemon> {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-stop-'));
    database++;
    daemon = await startDaemon(dir, await postgres.createDatabase(`stop_${database}`));
    return daemon;
  }

  it('SIGTERM ends the process within 10 s although the database is down', async () => {
    const live = await start();
    await postgres.stopServer();
    await waitFor('the daemon to notice the outage', () => /store failing/.test(live.stderr()), 15_000);
    const sentAt = Date.now();
    live.child.kill('SIGTERM');
    const { code, at } = await live.exited;
    console.log(`SIGTERM with the database down: exited after ${at - sentAt} ms`);
    expect(at - sentAt).toBeLessThan(10_500);
    expect(code).toBe(0);
    expect(live.stderr()).toMatch(/final checkpoint skipped/);
    expect(live.stderr()).toMatch(/"msg":"stopped"/);
  }, 60_000);

  it('a second signal exits at once, while the first waits on a silent network', async () => {
    const url = new URL(await postgres.createDatabase('stop_silent'));
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    url.port = String(proxy.port);
    dir = mkdtempSync(join(tmpdir(), 'klaxon-stop-'));
    const live = await startDaemon(dir, url.toString());
    daemon = live;
    proxy.blackhole(true);
    proxy.cutAll();
    live.child.kill('SIGTERM');
    await waitFor('the daemon to start stopping', () => /"msg":"stopping /.test(live.stderr()));
    const sentAt = Date.now();
    live.child.kill('SIGINT');
    const { code, at } = await live.exited;
    expect(at - sentAt).toBeLessThan(1_500);
    expect(code).toBe(130);
    await proxy.close();
  }, 60_000);

  it('SIGTERM with everything healthy checkpoints and exits 0', async () => {
    const live = await start();
    live.child.kill('SIGTERM');
    const { code } = await live.exited;
    expect(code).toBe(0);
    expect(live.stderr()).not.toMatch(/final checkpoint skipped/);
  }, 60_000);
});
