import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { klaxonExpress } from './express.ts';
import type { KlaxonExpressOptions } from './express.ts';
import { postJson } from './testdata/post-json.ts';
import { checkLogin, useShopReporting } from './testdata/shop-reporting.ts';

const shop = useShopReporting('shop-web');

/** A small shop: a login form, an admin page for admins only, a transfer guarded by CSRF middleware. */
function buildShop(options: KlaxonExpressOptions<Request> = {}, mount = { middleware: true }) {
  const klaxon = klaxonExpress<Request>(shop.reporter, {
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
    const answer = checkLogin(req.body);
    res.status(answer.status).json(answer.body);
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
  shop.closeAfter(() => new Promise((resolve) => server.close(resolve)));
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('klaxonExpress', () => {
  it('reports failed and successful logins, 403s and CSRF failures, and leaves the rest alone', async () => {
    const base = await listen(buildShop());
    const csrf = await shop.sendTraffic(base);
    expect(await csrf.json()).toEqual({ error: 'invalid csrf token' });

    const events = await shop.receiver.waitForAccepted(4);
    await shop.reporter.flush();
    expect(shop.receiver.accepted()).toHaveLength(4);
    shop.expectTrafficEvents(events);
  });

  it('takes the address from req.ip: X-Forwarded-For counts only under trust proxy', async () => {
    const direct = await listen(buildShop());
    const proxied = buildShop();
    proxied.set('trust proxy', 'loopback');
    await shop.expectForwardedForTrustedOnlyBehindProxy(direct, () => listen(proxied));
  });

  it('names the logged-in user and the object id of a forbidden request (IDOR probing)', async () => {
    const app = express();
    const klaxon = klaxonExpress<Request>(shop.reporter, {
      user: (req) => req.get('x-session-user'),
      objectId: (req) => String(req.params['id']),
    });
    app.use(klaxon);
    app.get('/orders/:id', (_req, res) => {
      res.status(403).send('not your order');
    });
    const base = await listen(app);
    await fetch(`${base}/orders/1004`, { headers: { 'x-session-user': 'bob' } });
    const [event] = await shop.receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'access_forbidden' },
      user: { name: 'bob' },
      labels: { object_id: '1004' },
      url: { path: '/orders/1004' },
    });
  });

  it('reports a login once when the route reports it with reportLogin', async () => {
    const app = express();
    const klaxon = klaxonExpress<Request>(shop.reporter);
    app.use(klaxon);
    app.use(express.json());
    app.post('/login', (req, res) => {
      klaxon.reportLogin(req, { user: (req.body as { email: string }).email, outcome: 'failure' });
      res.send('<p>Wrong password</p>');
    });
    const base = await listen(app);
    await postJson(`${base}/login`, { email: 'dave@example.com' });
    await postJson(`${base}/login`, { email: 'erin@example.com' });
    await shop.reporter.flush();
    const events = shop.receiver.accepted();
    expect(events.map((event) => [event['user'], event['event']])).toEqual([
      [{ name: 'dave@example.com' }, expect.objectContaining({ action: 'login', outcome: 'failure' })],
      [{ name: 'erin@example.com' }, expect.objectContaining({ action: 'login', outcome: 'failure' })],
    ]);
    expect(events[0]).toMatchObject({ source: { ip: '127.0.0.1' }, url: { path: '/login' } });
  });

  it('follows configured login paths, username field and failure statuses', async () => {
    const app = express();
    const klaxon = klaxonExpress(shop.reporter, {
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
    const [event] = await shop.receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'login', outcome: 'failure' },
      user: { name: 'carol@example.com' },
    });
  });

  it('reports a CSRF failure from the error handler alone when the middleware is not mounted', async () => {
    const base = await listen(buildShop({}, { middleware: false }));
    expect((await postJson(`${base}/transfer`, {})).status).toBe(403);
    const [event] = await shop.receiver.waitForAccepted(1);
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
    const [event] = await shop.receiver.waitForAccepted(1);
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
