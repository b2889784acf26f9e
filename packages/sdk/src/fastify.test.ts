import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { klaxonFastify } from './fastify.ts';
import type { KlaxonFastifyOptions } from './fastify.ts';
import { postJson } from './testdata/post-json.ts';
import { checkLogin, useShopReporting } from './testdata/shop-reporting.ts';

const shop = useShopReporting('shop-api');

// What @fastify/csrf-protection sends when the token is wrong.
const csrfError = () =>
  Object.assign(new Error('Invalid csrf token'), { code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 });

/** A small API: login, an admin route, CSRF-guarded routes, and routes inside an encapsulated plugin. */
async function startShop(
  options: Partial<KlaxonFastifyOptions> = {},
  server: { trustProxy?: string } = {},
): Promise<string> {
  const app = Fastify(server);
  shop.closeAfter(() => app.close());
  await app.register(klaxonFastify, {
    reporter: shop.reporter,
    user: (request) => {
      const user = request.headers['x-session-user'];
      return typeof user === 'string' ? user : undefined;
    },
    ignorePaths: ['/healthz'],
    ...options,
  });
  app.get('/login', async () => 'the form');
  app.post('/login', async (request, reply) => {
    const answer = checkLogin(request.body);
    return reply.code(answer.status).send(answer.body);
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
    const csrf = await shop.sendTraffic(base);
    expect(((await csrf.json()) as { message: string }).message).toBe('Invalid csrf token');
    expect((await postJson(`${base}/transfer-thrown`, {})).status).toBe(403);
    expect((await fetch(`${base}/child/admin`)).status).toBe(403);

    const events = await shop.receiver.waitForAccepted(6);
    await shop.reporter.flush();
    expect(shop.receiver.accepted()).toHaveLength(6);
    shop.expectTrafficEvents(events);
    expect(events[4]).toMatchObject({
      event: { action: 'csrf_token_invalid' },
      url: { path: '/transfer-thrown' },
    });
    expect(events[5]).toMatchObject({ event: { action: 'access_forbidden' }, url: { path: '/child/admin' } });
  });

  it('takes the address from request.ip: X-Forwarded-For counts only under trustProxy', async () => {
    await shop.expectForwardedForTrustedOnlyBehindProxy(await startShop(), () =>
      startShop({}, { trustProxy: '127.0.0.1' }),
    );
  });

  it('uses a configured CSRF predicate', async () => {
    const base = await startShop({ isCsrfError: (error) => (error as Error).message === 'bug' });
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    const [event] = await shop.receiver.waitForAccepted(1);
    expect(event).toMatchObject({
      event: { action: 'csrf_token_invalid' },
      http: { response: { status_code: 500 } },
    });
  });

  it('never changes the response or crashes when reporting fails', async () => {
    const app = Fastify();
    shop.closeAfter(() => app.close());
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
    shop.closeAfter(() => app.close());
    await expect(app.register(klaxonFastify, {} as KlaxonFastifyOptions).ready()).rejects.toThrow(
      /"reporter" option must be a reporter/,
    );
  });
});
