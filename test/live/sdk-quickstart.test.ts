import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import type { LiveDaemon } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
import type { Incident } from '../../src/core/index.ts';
import { installPackedSdk, REPO_MODULES } from '../support/packed-sdk.ts';
import { waitFor as waitForValue } from '../support/wait-for.ts';

/** The README's quick-start blocks, exactly as written, by the file name on their first line. */
function readmeBlocks(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const match of readme.matchAll(/```js\n(\/\/ ([\w-]+\.mjs)[^\n]*\n[\s\S]*?)```/g))
    blocks.set(match[2] as string, match[1] as string);
  return blocks;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const waitFor = <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) =>
  waitForValue(what, probe, ms);

/** The addresses the attacks come from, as a proxy on the app's machine forwards them. */
const GUESSER = '198.51.100.10';
const FORGER = '198.51.100.20';
const PROBER = '198.51.100.30';
const STUFFER = '198.51.100.40';

describe.each([
  { file: 'express-shop.mjs', form: true },
  { file: 'fastify-shop.mjs', form: false },
])('the README quick start ($file), copied as it is', ({ file, form }) => {
  let dir: string;
  let daemon: LiveDaemon;
  let app: ChildProcess;
  let base: string;
  const service = file.replace('.mjs', '');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-quickstart-'));
    const appDir = join(dir, 'app');
    mkdirSync(appDir);
    await installPackedSdk(appDir);
    // The app's framework; the SDK itself brings nothing.
    for (const framework of ['express', 'fastify'])
      symlinkSync(join(REPO_MODULES, framework), join(appDir, 'node_modules', framework));
    const code = readmeBlocks().get(file);
    if (code === undefined) throw new Error(`README.md has no block starting with // ${file}`);
    writeFileSync(join(appDir, file), code);

    writeFileSync(
      join(dir, 'klaxon.yaml'),
      `store: sqlite:${join(dir, 'klaxon.db')}\nsources:\n  - { type: http, name: apps }\n`,
    );
    daemon = await startLive({
      config: await loadKlaxonConfig(join(dir, 'klaxon.yaml')),
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      checkpointEveryMs: 100,
    });
    const token = createTokenValue();
    await daemon.store.apiTokens.add(
      { name: 'shop', hash: hashToken(token), scopes: ['ingest'], createdBy: 'test' },
      Date.now(),
    );

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, [file], {
      cwd: appDir,
      env: {
        ...process.env,
        PORT: String(port),
        KLAXON_URL: `http://127.0.0.1:${daemon.address().port}`,
        KLAXON_TOKEN: token,
        KLAXON_SERVICE: service,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(
      'the shop to listen',
      async () => (await fetch(`${base}/orders/1`, { redirect: 'manual' })).status,
    );
  }, 120_000); // npm pack builds the SDK

  afterAll(async () => {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await once(app, 'exit');
    }
    await daemon?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const post = (path: string, from: string, body: Record<string, string>, cookie = '') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'x-forwarded-for': from,
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        ...(cookie && { cookie }),
      },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });

  async function logIn(username: string, password: string, from: string): Promise<string> {
    const response = await post('/login', from, { username, password });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`${username} could not log in (${response.status})`);
    return cookie;
  }

  async function incident(ruleId: string, group: Record<string, string>): Promise<Incident> {
    return waitFor(`${ruleId} ${JSON.stringify(group)}`, async () =>
      (await daemon.store.incidents.list()).find(
        (found) => found.ruleId === ruleId && Object.entries(group).every(([k, v]) => found.group[k] === v),
      ),
    );
  }

  it('opens an incident for each of the four attacks, naming the forwarded addresses', async () => {
    for (let i = 0; i < 30; i++) {
      const answer = await post('/login', GUESSER, { username: 'alice', password: `guess-${i}` });
      expect(answer.status).toBe(200); // the form again, not a 401
    }
    const victim = await logIn('alice', 'correct horse', '192.0.2.5');
    for (let i = 0; i < 15; i++)
      expect((await post('/transfer', FORGER, { to: 'mallory', _csrf: `forged-${i}` }, victim)).status).toBe(
        403,
      );
    const bob = await logIn('bob', 'battery staple', PROBER);
    for (const id of [1001, 1003, 1004, ...Array.from({ length: 9 }, (_, i) => 2000 + i)]) {
      const answer = await fetch(`${base}/orders/${id}`, {
        headers: { cookie: bob, 'x-forwarded-for': PROBER },
      });
      expect(answer.status).toBe(403);
    }
    for (let i = 0; i < 25; i++)
      await post('/login', STUFFER, { username: `user${i}@example.com`, password: 'Summer2024!' });
    // Normal traffic.
    expect((await fetch(`${base}/orders/1002`, { headers: { cookie: bob } })).status).toBe(200);

    const svc = { 'service.name': service };
    await incident('app-login-failures-user', { ...svc, 'user.name': 'alice' });
    await incident('app-csrf-failures', { ...svc, 'source.ip': FORGER });
    await incident('app-forbidden-requests-user', { ...svc, 'user.name': 'bob' });
    await incident('app-login-failures-source', { ...svc, 'source.ip': STUFFER });
    const incidents = await daemon.store.incidents.list();
    // Every address-grouped incident names a forwarded client, never the proxy (127.0.0.1).
    const addresses = incidents.map((found) => found.group['source.ip']).filter((ip) => ip !== undefined);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses).not.toContain('127.0.0.1');
    // Bob asked for 12 orders that are not his: no incident for the successful logins or normal use.
    expect(
      incidents.filter((found) => found.group['user.name'] === 'bob').map((found) => found.ruleId),
    ).toEqual(['app-forbidden-requests-user']);
  });
});
