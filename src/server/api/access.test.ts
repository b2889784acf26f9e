import { describe, expect, it } from 'vitest';
import { useApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

const api = useApi();

describe('roles', () => {
  it('lets a viewer read but not acknowledge, and reports the refusal', async () => {
    const { serial } = await openIncident(api.store);
    const viewer = await api.logIn('vic', 'viewer');
    expect((await api.as(viewer, { method: 'GET', url: '/api/v1/incidents' })).statusCode).toBe(200);
    const ack = await api.as(viewer, {
      method: 'POST',
      url: `/api/v1/incidents/${serial}/acknowledge`,
      payload: {},
    });
    expect(ack.statusCode).toBe(403);
    expect(ack.json()).toEqual({
      error: 'forbidden',
      message: 'this needs the role responder; vic is viewer',
    });
    expect((await api.store.incidents.get(serial))?.status).toBe('open');
    expect(api.reported).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ action: 'access_forbidden', outcome: 'failure' }),
        user: { name: 'vic' },
        url: { path: `/api/v1/incidents/${serial}/acknowledge` },
        service: { name: 'klaxon-dashboard' },
      }),
    ]);
  });

  it('lets a responder acknowledge but not disable a rule', async () => {
    const { serial } = await openIncident(api.store);
    const responder = await api.logIn('rita', 'responder');
    const ack = await api.as(responder, {
      method: 'POST',
      url: `/api/v1/incidents/${serial}/acknowledge`,
      payload: {},
    });
    expect(ack.statusCode).toBe(200);
    const disable = await api.as(responder, {
      method: 'POST',
      url: '/api/v1/rules/ssh-brute-force-source/disable',
      payload: { reason: 'test' },
    });
    expect(disable.statusCode).toBe(403);
    expect(await api.store.ruleStates.get('ssh-brute-force-source')).toBeUndefined();
  });

  it('lets an admin disable a rule, tokens and users', async () => {
    const admin = await api.logIn('ada', 'admin');
    const disable = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/rules/ssh-brute-force-source/disable',
      payload: { reason: 'test' },
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json()).toMatchObject({ id: 'ssh-brute-force-source', enabled: false });
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/tokens' })).statusCode).toBe(200);
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
  });

  it('keeps tokens and users from responders', async () => {
    const responder = await api.logIn('rita', 'responder');
    for (const [method, url] of [
      ['GET', '/api/v1/tokens'],
      ['GET', '/api/v1/users'],
      ['DELETE', '/api/v1/tokens/x'],
    ] as const) {
      expect((await api.as(responder, { method, url })).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('asks for a login on every route but POST /session', async () => {
    const routes = api.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/v1/incidents');
    for (const [method, url] of [
      ['GET', '/api/v1/incidents'],
      ['GET', '/api/v1/incidents/1'],
      ['GET', '/api/v1/overview'],
      ['GET', '/api/v1/silences'],
      ['GET', '/api/v1/rules'],
      ['GET', '/api/v1/channels'],
      ['GET', '/api/v1/tokens'],
      ['GET', '/api/v1/feed.atom'],
      ['GET', '/api/v1/stream'],
      ['POST', '/api/v1/incidents/1/resolve'],
      ['POST', '/api/v1/silences'],
      ['POST', '/api/v1/rules/x/backtest'],
      ['POST', '/api/v1/channels/x/retry'],
    ] as const) {
      const response = await api.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('API tokens', () => {
  it('lets a read token GET, but not change anything, and needs no CSRF token', async () => {
    const { serial } = await openIncident(api.store);
    const admin = await api.logIn('ada', 'admin');
    const token = await api.createToken(admin, 'grafana', ['read']);
    const bearer = { authorization: `Bearer ${token}` };
    const list = await api.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { total: number }).total).toBe(1);
    const ack = await api.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${serial}/acknowledge`,
      headers: bearer,
      payload: {},
    });
    expect(ack.statusCode).toBe(403);
    expect(ack.json()).toMatchObject({ error: 'forbidden' });
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer })).statusCode).toBe(
      403,
    );
    expect(api.reported.map((event) => (event.event as { action: string }).action)).toEqual([
      'access_forbidden',
      'access_forbidden',
    ]);
  });

  it('refuses an ingest-only token on reads, and a revoked or unknown token', async () => {
    const admin = await api.logIn('ada', 'admin');
    const ingest = await api.createToken(admin, 'shop', ['ingest']);
    const read = await api.createToken(admin, 'feeds', ['read']);
    const get = (token: string) =>
      api.app.inject({ method: 'GET', url: '/api/v1/rules', headers: { authorization: `Bearer ${token}` } });
    expect((await get(ingest)).statusCode).toBe(403);
    expect((await api.as(admin, { method: 'DELETE', url: '/api/v1/tokens/feeds' })).statusCode).toBe(204);
    api.clock.now += 10_000; // past the lookup cache
    expect((await get(read)).statusCode).toBe(401);
    expect((await get('klx_unknown')).statusCode).toBe(401);
    const basic = await api.app.inject({
      method: 'GET',
      url: '/api/v1/rules',
      headers: { authorization: 'Basic eDp5' },
    });
    expect(basic.statusCode).toBe(401);
  });

  it('accepts ?token= only where feed readers and EventSource need it', async () => {
    const admin = await api.logIn('ada', 'admin');
    const token = await api.createToken(admin, 'reader', ['read']);
    expect(
      (await api.app.inject({ method: 'GET', url: `/api/v1/feed.atom?token=${token}` })).statusCode,
    ).toBe(200);
    expect(
      (await api.app.inject({ method: 'GET', url: `/api/v1/incidents?token=${token}` })).statusCode,
    ).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: `/api/v1/rules?token=${token}` })).statusCode).toBe(
      401,
    );
  });
});
