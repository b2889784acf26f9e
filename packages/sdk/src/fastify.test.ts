import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klaxonFastify } from './fastify.ts';
import type { KlaxonFastifyOptions } from './fastify.ts';
import { createReporter } from './reporter.ts';
import type { Reporter } from './reporter.ts';
import { INGEST_TOKEN, startIngestReceiver } from './testdata/ingest-receiver.ts';
import type { IngestReceiver } from './testdata/ingest-receiver.ts';
import { postJson } from './testdata/post-json.ts';

let receiver: IngestReceiver;
let reporter: Reporter;
const apps: FastifyInstance[] = [];

beforeEach(async () => {
  receiver = await startIngestReceiver();
  reporter = createReporter({
    url: receiver.url,
    token: INGEST_TOKEN,
    service: 'shop-api',
    flushIntervalMs: 10,
  });
});
afterEach(async () => {
  await reporter.close();
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await receiver.close();
});

// What @fastify/csrf-protection sends when the token is wrong.
const csrfError = () =>
  Object.assign(new Error('Invalid csrf token'), { code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 });

/** A small API: login, an admin route, CSRF-guarded routes, and routes inside an encapsulated plugin. */
async function startShop(
  options: Partial<KlaxonFastifyOptions> = {},
  server: { trustProxy?: string } = {},
): Promise<string> {
  const app = Fastify(server);
  apps.push(app);
  await app.register(klaxonFastify, {
    reporter,
    user: (request) => {
      const user = request.headers['x-session-user'];
      return typeof user === 'string' ? user : undefined;
    },
    ignorePaths: ['/healthz'],
    ...options,
  });
  app.get('/login', async () => 'the form');
  app.post('/login', async (request, reply) => {
    const { username, password } = request.body as { username?: string; password?: string };
    if (username === 'alice' && password === 'correct horse') return { welcome: username };
    return reply.code(401).send({ error: 'wrong username or password' });
  });
  app.get('/admin', async (_request, reply) => reply.code(403).send({ error: 'admins only' }));
  app.get('/healthz', async (_request, reply) => reply.code(403).send());
  app.post(
    '/transfer',
    { preHandler: (_request, reply) => void reply.send(csrfError()) },
    async () => 'sent',
  );
  app.post('/transfer-thrown', { preHandler: async () => Promise.reject(csrfError()) }, async () => 'sent');
  app.get('/boom', async () => {
    throw new Error('bug');
  });
  await app.register(async (child) => {
    child.get('/child/admin', async (_request, reply) => reply.code(403).send('no'));
  });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe('klaxonFastify', () => {
  it('reports logins, 403s and CSRF failures app-wide and leaves the rest alone', async () => {
    const base = await startShop();
    expect((await fetch(`${base}/login`)).status).toBe(200);
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(403);

    const failed = await postJson(
      `${base}/login`,
      { username: 'alice', password: 'guess' },
      { 'user-agent': 'hydra' },
    );
    expect([failed.status, await failed.json()]).toEqual([401, { error: 'wrong username or password' }]);
    expect((await postJson(`${base}/login`, { username: 'alice', password: 'correct horse' })).status).toBe(
      200,
    );
    const forbidden = await fetch(`${base}/admin?id=7`, { headers: { 'x-session-user': 'bob' } });
    expect([forbidden.status, await forbidden.json()]).toEqual([403, { error: 'admins only' }]);
    const csrf = await postJson(`${base}/transfer`, { to: 'mallory' }, { 'x-session-user': 'bob' });
    expect([csrf.status, ((await csrf.json()) as { message: string }).message]).toEqual([
      403,
      'Invalid csrf token',
    ]);
    expect((await postJson(`${base}/transfer-thrown`, {})).status).toBe(403);
    expect((await fetch(`${base}/child/admin`)).status).toBe(403);

    const events = await receiver.waitForAccepted(6);
    await reporter.flush();
    expect(receiver.accepted()).toHaveLength(6);
    const common = { source: { ip: '127.0.0.1' }, service: { name: 'shop-api' } };
    expect(events[0]).toMatchObject({
      ...common,
      event: { category: ['authentication'], action: 'login', outcome: 'failure' },
      user: { name: 'alice' },
      url: { path: '/login' },
      http: { request: { method: 'POST' }, response: { status_code: 401 } },
      user_agent: { original: 'hydra' },
    });
    expect(events[1]).toMatchObject({
      event: { action: 'login', outcome: 'success' },
      user: { name: 'alice' },
    });
    expect(events[2]).toMatchObject({
      ...common,
      event: { category: ['web'], action: 'access_forbidden' },
      user: { name: 'bob' },
      url: { path: '/admin' },
    });
    expect(events[3]).toMatchObject({
      ...common,
      event: { category: ['web'], action: 'csrf_token_invalid', outcome: 'failure' },
      user: { name: 'bob' },
      url: { path: '/transfer' },
      http: { response: { status_code: 403 } },
    });
    expect(events[4]).toMatchObject({
      event: { action: 'csrf_token_invalid' },
      url: { path: '/transfer-thrown' },
    });
    expect(events[5]).toMatchObject({ event: { action: 'access_forbidden' }, url: { path: '/child/admin' } });
  });

  it('takes the address from request.ip: X-Forwarded-For counts only under trustProxy', async () => {
    const spoofed = { 'x-forwarded-for': '198.51.100.66, 203.0.113.9' };
    await fetch(`${await startShop()}/admin`, { headers: spoofed });
    await receiver.waitForAccepted(1);
    await fetch(`${await startShop({}, { trustProxy: '127.0.0.1' })}/admin`, { headers: spoofed });
    const events = await receiver.waitForAccepted(2);
    expect(events.map((event) => event['source'])).toEqual([{ ip: '127.0.0.1' }, { ip: '203.0.113.9' }]);
  });

  it('uses a configured CSRF predicate', async () => {
    const base = await startShop({ isCsrfError: (error) => (error as Error).message === 'bug' });
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    const [event] = await receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'csrf_token_invalid' },
      http: { response: { status_code: 500 } },
    });
  });

  it('never changes the response or crashes when reporting fails', async () => {
    const app = Fastify();
    apps.push(app);
    const broken = {
      report: () => {
        throw new Error('reporter bug');
      },
    };
    await app.register(klaxonFastify, { reporter: broken });
    app.get('/admin', async (_request, reply) => reply.code(403).send('no'));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${base}/admin`);
    expect([response.status, await response.text()]).toEqual([403, 'no']);
    expect((await fetch(`${base}/admin`)).status).toBe(403);
  });

  it('refuses to register without a reporter, with an error naming the option', async () => {
    const app = Fastify();
    apps.push(app);
    await expect(app.register(klaxonFastify, {} as KlaxonFastifyOptions).ready()).rejects.toThrow(
      /"reporter" option must be a reporter/,
    );
  });
});
