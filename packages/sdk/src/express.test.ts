import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klaxonExpress } from './express.ts';
import type { KlaxonExpressOptions } from './express.ts';
import { createReporter } from './reporter.ts';
import type { Reporter } from './reporter.ts';
import { INGEST_TOKEN, startIngestReceiver } from './testdata/ingest-receiver.ts';
import type { IngestReceiver } from './testdata/ingest-receiver.ts';
import { postJson } from './testdata/post-json.ts';

let receiver: IngestReceiver;
let reporter: Reporter;
const servers: Server[] = [];

beforeEach(async () => {
  receiver = await startIngestReceiver();
  reporter = createReporter({
    url: receiver.url,
    token: INGEST_TOKEN,
    service: 'shop-web',
    flushIntervalMs: 10,
  });
});
afterEach(async () => {
  await reporter.close();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await receiver.close();
});

/** A small shop: a login form, an admin page for admins only, a transfer guarded by CSRF middleware. */
function buildShop(options: KlaxonExpressOptions<Request> = {}, mount = { middleware: true }) {
  const klaxon = klaxonExpress<Request>(reporter, {
    user: (req) => req.get('x-session-user'),
    ignorePaths: ['/healthz'],
    ...options,
  });
  const app = express();
  if (mount.middleware) app.use(klaxon);
  app.use(express.json());
  app.get('/login', (_req, res) => {
    res.send('<form method="post">');
  });
  app.post('/login', (req, res) => {
    const { username, password } = req.body as { username?: string; password?: string };
    if (username === 'alice' && password === 'correct horse') res.json({ welcome: username });
    else res.status(401).json({ error: 'wrong username or password' });
  });
  app.get('/admin', (_req, res) => {
    res.status(403).json({ error: 'admins only' });
  });
  app.get('/healthz', (_req, res) => {
    res.sendStatus(403);
  });
  app.post('/transfer', () => {
    // What csurf and csrf-csrf throw.
    throw Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN', status: 403 });
  });
  app.get('/boom', () => {
    throw new Error('bug');
  });
  app.use(klaxon.errorHandler);
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error.status ?? 500).json({ error: error.message });
  });
  return app;
}

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('klaxonExpress', () => {
  it('reports failed and successful logins, 403s and CSRF failures, and leaves the rest alone', async () => {
    const base = await listen(buildShop());
    // Not reported: showing the form, a plain 200, an app bug, an ignored path.
    expect((await fetch(`${base}/login`)).status).toBe(200);
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(403);

    const failed = await postJson(
      `${base}/login?next=/cart`,
      { username: 'alice', password: 'guess' },
      { 'user-agent': 'hydra' },
    );
    expect(failed.status).toBe(401);
    expect(await failed.json()).toEqual({ error: 'wrong username or password' });
    expect((await postJson(`${base}/login`, { username: 'alice', password: 'correct horse' })).status).toBe(
      200,
    );
    const forbidden = await fetch(`${base}/admin`, { headers: { 'x-session-user': 'bob' } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: 'admins only' });
    const csrf = await postJson(`${base}/transfer`, { to: 'mallory' }, { 'x-session-user': 'bob' });
    expect(csrf.status).toBe(403);
    expect(await csrf.json()).toEqual({ error: 'invalid csrf token' });

    const events = await receiver.waitForAccepted(4);
    await reporter.flush();
    expect(receiver.accepted()).toHaveLength(4);
    const common = { source: { ip: '127.0.0.1' }, service: { name: 'shop-web' } };
    expect(events[0]).toMatchObject({
      ...common,
      event: { category: ['authentication'], action: 'login', outcome: 'failure' },
      user: { name: 'alice' },
      url: { path: '/login' },
      http: { request: { method: 'POST' }, response: { status_code: 401 } },
      user_agent: { original: 'hydra' },
    });
    expect(events[1]).toMatchObject({
      ...common,
      event: { action: 'login', outcome: 'success' },
      user: { name: 'alice' },
      http: { response: { status_code: 200 } },
    });
    expect(events[2]).toMatchObject({
      ...common,
      event: { category: ['web'], action: 'access_forbidden', outcome: 'failure' },
      user: { name: 'bob' },
      url: { path: '/admin' },
      http: { request: { method: 'GET' }, response: { status_code: 403 } },
    });
    expect(events[3]).toMatchObject({
      ...common,
      event: { category: ['web'], action: 'csrf_token_invalid', outcome: 'failure' },
      user: { name: 'bob' },
      url: { path: '/transfer' },
      http: { response: { status_code: 403 } },
    });
  });

  it('takes the address from req.ip: X-Forwarded-For counts only under trust proxy', async () => {
    const spoofed = { 'x-forwarded-for': '198.51.100.66, 203.0.113.9' };
    const direct = await listen(buildShop());
    const proxied = buildShop();
    proxied.set('trust proxy', 'loopback');
    await fetch(`${direct}/admin`, { headers: spoofed });
    await receiver.waitForAccepted(1);
    await fetch(`${await listen(proxied)}/admin`, { headers: spoofed });
    const events = await receiver.waitForAccepted(2);
    // Express takes the right-most address the trusted proxy did not add itself.
    expect(events.map((event) => event['source'])).toEqual([{ ip: '127.0.0.1' }, { ip: '203.0.113.9' }]);
  });

  it('names the logged-in user and the object id of a forbidden request (IDOR probing)', async () => {
    const app = express();
    const klaxon = klaxonExpress<Request>(reporter, {
      user: (req) => req.get('x-session-user'),
      objectId: (req) => String(req.params['id']),
    });
    app.use(klaxon);
    app.get('/orders/:id', (_req, res) => {
      res.status(403).send('not your order');
    });
    const base = await listen(app);
    await fetch(`${base}/orders/1004`, { headers: { 'x-session-user': 'bob' } });
    const [event] = await receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'access_forbidden' },
      user: { name: 'bob' },
      labels: { object_id: '1004' },
      url: { path: '/orders/1004' },
    });
  });

  it('reports a login once when the route reports it with reportLogin', async () => {
    const app = express();
    const klaxon = klaxonExpress<Request>(reporter);
    app.use(klaxon);
    app.use(express.json());
    app.post('/login', (req, res) => {
      klaxon.reportLogin(req, { user: (req.body as { email: string }).email, outcome: 'failure' });
      res.send('<p>Wrong password</p>');
    });
    const base = await listen(app);
    await postJson(`${base}/login`, { email: 'dave@example.com' });
    await postJson(`${base}/login`, { email: 'erin@example.com' });
    await reporter.flush();
    const events = receiver.accepted();
    expect(events.map((event) => [event['user'], event['event']])).toEqual([
      [{ name: 'dave@example.com' }, expect.objectContaining({ action: 'login', outcome: 'failure' })],
      [{ name: 'erin@example.com' }, expect.objectContaining({ action: 'login', outcome: 'failure' })],
    ]);
    expect(events[0]).toMatchObject({ source: { ip: '127.0.0.1' }, url: { path: '/login' } });
  });

  it('follows configured login paths, username field and failure statuses', async () => {
    const app = express();
    const klaxon = klaxonExpress(reporter, {
      loginPaths: [/^\/api\/session$/],
      usernameField: 'email',
      failureStatuses: [400, 401],
    });
    app.use(klaxon);
    app.use(express.json());
    app.post('/api/session', (_req, res) => {
      res.status(400).json({ error: 'bad credentials' });
    });
    const base = await listen(app);
    await postJson(`${base}/api/session`, { email: 'carol@example.com' });
    const [event] = await receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'login', outcome: 'failure' },
      user: { name: 'carol@example.com' },
    });
  });

  it('reports a CSRF failure from the error handler alone when the middleware is not mounted', async () => {
    const base = await listen(buildShop({}, { middleware: false }));
    expect((await postJson(`${base}/transfer`, {})).status).toBe(403);
    const [event] = await receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'csrf_token_invalid' },
      http: { response: { status_code: 403 } },
    });
  });

  it('reports without a user when the user callback throws', async () => {
    const base = await listen(
      buildShop({
        user: () => {
          throw new Error('session store down');
        },
      }),
    );
    expect((await fetch(`${base}/admin`)).status).toBe(403);
    const [event] = await receiver.waitForAccepted(1);
    expect(event).toMatchObject({ event: { action: 'access_forbidden' } });
    expect(event).not.toHaveProperty('user');
  });

  it('never changes the response or crashes when reporting fails', async () => {
    const broken = {
      report: () => {
        throw new Error('reporter bug');
      },
    };
    const app = express();
    const klaxon = klaxonExpress(broken);
    app.use(klaxon);
    app.get('/admin', (_req, res) => {
      res.status(403).send('no');
    });
    app.post('/transfer', () => {
      throw Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN', status: 403 });
    });
    app.use(klaxon.errorHandler);
    const base = await listen(app);
    const forbidden = await fetch(`${base}/admin`);
    expect([forbidden.status, await forbidden.text()]).toEqual([403, 'no']);
    expect((await postJson(`${base}/transfer`, {})).status).toBe(403);
    expect((await fetch(`${base}/admin`)).status).toBe(403);
  });
});
