import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../../detection/index.ts';
import { PASSWORD, startApi, useApi } from './testdata/api-fixture.ts';

const api = useApi();

const login = (username: string, password: string, remoteAddress = '192.0.2.10') =>
  api.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    remoteAddress,
  });

describe('logging in', () => {
  it('answers the user and a CSRF token, and sets a strict HttpOnly session cookie', async () => {
    await api.addUser('alice', 'responder');
    const response = await login('alice', PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { user: unknown; csrfToken: string };
    expect(body.user).toEqual({ name: 'alice', role: 'responder' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'klaxon_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The store keeps only the SHA-256 of the cookie value.
    const id = createHash('sha256')
      .update(cookie?.value as string)
      .digest('hex');
    expect(await api.store.sessions.get(id)).toMatchObject({ userName: 'alice', csrfToken: body.csrfToken });
  });

  it('marks the cookie Secure when the dashboard is served over https', async () => {
    const secure = await startApi({ secureCookies: true });
    try {
      await secure.addUser('alice', 'viewer');
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'alice', password: PASSWORD },
      });
      expect(response.cookies[0]).toMatchObject({ name: 'klaxon_session', secure: true });
    } finally {
      await secure.close();
    }
  });

  it('gives one answer for an unknown user and a wrong password, and reports both', async () => {
    await api.addUser('alice', 'viewer');
    const unknown = await login('mallory', PASSWORD);
    const wrong = await login('alice', 'not the password at all');
    for (const response of [unknown, wrong]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: 'unauthorized', message: 'wrong user name or password' });
      expect(response.cookies).toEqual([]);
    }
    expect(api.reported).toHaveLength(2);
    expect(api.reported[1]).toMatchObject({
      '@timestamp': new Date(api.clock.now).toISOString(),
      event: { action: 'login', outcome: 'failure', category: ['authentication'] },
      user: { name: 'alice' },
      source: { ip: '192.0.2.10' },
      service: { name: 'klaxon-dashboard' },
      url: { path: '/api/v1/session' },
    });
    expect(JSON.stringify(api.reported)).not.toContain('not the password');
  });

  it('refuses a disabled user', async () => {
    await api.addUser('carol', 'admin');
    await api.store.users.disable('carol', api.clock.now);
    expect((await login('carol', PASSWORD)).statusCode).toBe(401);
  });

  it('answers 400 with details for a login without a password', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'a' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'validation',
      details: [{ file: 'body', field: 'password', message: 'is required' }],
    });
  });
});

describe('login rate limiting', () => {
  it('does not stop alice from address B after five wrong passwords for her from address A', async () => {
    await api.addUser('alice', 'viewer');
    for (let i = 0; i < 5; i++)
      expect((await login('alice', `wrong password ${i}`, '203.0.113.9')).statusCode).toBe(401);
    expect((await login('alice', PASSWORD, '192.0.2.44')).statusCode).toBe(200);
  });

  it('refuses a sixth try for one name from one address, with Retry-After, then lets it in again', async () => {
    await api.addUser('alice', 'viewer');
    for (let i = 0; i < 5; i++) {
      expect((await login('alice', `wrong password ${i}`, '198.51.100.7')).statusCode).toBe(401);
      api.clock.now += 60_000;
    }
    // Even the right password is not checked now.
    const refused = await login('alice', PASSWORD, '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited' });
    // The first failure leaves the window 15 minutes after it: 10 minutes from now.
    expect(refused.headers['retry-after']).toBe('600');
    expect(api.reported.at(-1)).toMatchObject({
      event: { action: 'login', reason: 'too many failed logins' },
    });
    api.clock.now += 600_000;
    expect((await login('alice', PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('only slows down a name that fails from many addresses: the person still logs in', async () => {
    await api.addUser('alice', 'viewer');
    for (let i = 0; i < 30; i++)
      expect((await login('alice', 'wrong password', `198.51.100.${i}`)).statusCode).toBe(401);
    expect(api.loginDelays.length).toBeGreaterThan(0);
    expect(Math.max(...api.loginDelays)).toBeLessThanOrEqual(10_000);
    const before = api.loginDelays.length;
    expect((await login('alice', PASSWORD, '192.0.2.44')).statusCode).toBe(200);
    expect(api.loginDelays.length).toBe(before + 1);
  });

  it('refuses an address after 20 failures on any names, but not other addresses', async () => {
    for (let i = 0; i < 20; i++)
      expect((await login(`user${i}`, 'wrong password', '203.0.113.9')).statusCode).toBe(401);
    expect((await login('user99', 'wrong password', '203.0.113.9')).statusCode).toBe(429);
    await api.addUser('bob', 'viewer');
    expect((await login('bob', PASSWORD, '192.0.2.77')).statusCode).toBe(200);
  });

  it('reports failed logins so that the shipped rule pack opens an incident on them', async () => {
    for (let i = 0; i < 10; i++) {
      await login('admin', `guess ${i}`, '203.0.113.50');
      api.clock.now += 5_000;
    }
    const opened: string[] = [];
    const engine = createDetectionEngine({
      rules: api.rules,
      emit: (detection) => {
        if (detection.state === 'opened')
          opened.push(`${detection.ruleId} ${JSON.stringify(detection.group)}`);
      },
    });
    engine.pushBatch(api.reported);
    engine.flush();
    expect(opened).toEqual([
      'app-login-failures-user {"service.name":"klaxon-dashboard","user.name":"admin"}',
    ]);
  });
});

describe('sessions', () => {
  it('tells who is logged in, with the CSRF token', async () => {
    const alice = await api.logIn('alice', 'admin');
    const response = await api.as(alice, { method: 'GET', url: '/api/v1/session' });
    expect(response.json()).toEqual({ user: { name: 'alice', role: 'admin' }, csrfToken: alice.csrfToken });
  });

  it('answers 401 without a session or with an unknown cookie', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    const forged = await api.app.inject({
      method: 'GET',
      url: '/api/v1/incidents',
      cookies: { klaxon_session: 'A'.repeat(43) },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('ends after 2 hours without a request', async () => {
    const alice = await api.logIn('alice');
    const get = () => api.as(alice, { method: 'GET', url: '/api/v1/session' });
    api.clock.now += 2 * 3_600_000 - 1_000;
    expect((await get()).statusCode).toBe(200);
    api.clock.now += 2 * 3_600_000 - 1_000;
    expect((await get()).statusCode).toBe(200);
    api.clock.now += 2 * 3_600_000;
    expect((await get()).statusCode).toBe(401);
  });

  it('ends 12 hours after login however busy', async () => {
    const alice = await api.logIn('alice');
    const get = () => api.as(alice, { method: 'GET', url: '/api/v1/session' });
    for (let hour = 1; hour < 12; hour++) {
      api.clock.now += 3_600_000;
      expect((await get()).statusCode).toBe(200);
    }
    api.clock.now += 3_600_000;
    expect((await get()).statusCode).toBe(401);
  });

  it('ends when the user is disabled', async () => {
    const alice = await api.logIn('alice');
    await api.store.users.disable('alice', api.clock.now);
    expect((await api.as(alice, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('logs out with the CSRF token, clearing the cookie; the old cookie no longer works', async () => {
    const alice = await api.logIn('alice');
    const out = await api.as(alice, { method: 'DELETE', url: '/api/v1/session' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies[0]).toMatchObject({ name: 'klaxon_session', value: '' });
    expect((await api.as(alice, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a change with a session but a missing or wrong token, and reports it', async () => {
    const alice = await api.logIn('alice', 'admin');
    const missing = await api.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      cookies: { klaxon_session: alice.cookie },
      remoteAddress: '192.0.2.33',
    });
    const wrong = await api.as(alice, {
      method: 'POST',
      url: '/api/v1/rules/ssh-brute-force-source/disable',
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'csrf' });
    }
    expect((await api.as(alice, { method: 'GET', url: '/api/v1/rules' })).json()).toContainEqual(
      expect.objectContaining({ id: 'ssh-brute-force-source', enabled: true }),
    );
    expect(api.reported).toHaveLength(2);
    expect(api.reported[0]).toMatchObject({
      event: { action: 'csrf_token_invalid', outcome: 'failure' },
      user: { name: 'alice' },
      source: { ip: '192.0.2.33' },
      service: { name: 'klaxon-dashboard' },
      url: { path: '/api/v1/session' },
      http: { request: { method: 'DELETE' }, response: { status_code: 403 } },
    });
    // Still logged in: the forged request did not log alice out.
    expect((await api.as(alice, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
  });

  it("refuses another session's token", async () => {
    const alice = await api.logIn('alice', 'admin');
    const bob = await api.logIn('bob', 'admin');
    const response = await api.as(
      { ...alice, csrfToken: bob.csrfToken },
      { method: 'DELETE', url: '/api/v1/session' },
    );
    expect(response.statusCode).toBe(403);
  });
});
