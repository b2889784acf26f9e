import { describe, expect, it } from 'vitest';
import { useApi } from './testdata/api-fixture.ts';

const api = useApi();

const REMOTE = '203.0.113.5';

describe('API documentation exposure', () => {
  it('refuses /api/docs and its OpenAPI document to a remote client that is not logged in', async () => {
    for (const url of ['/api/docs', '/api/docs/json']) {
      const response = await api.app.inject({ method: 'GET', url, remoteAddress: REMOTE });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('serves it to a logged-in person, a read token and a client on this machine', async () => {
    const alice = await api.logIn('alice', 'admin');
    const asAlice = await api.as(alice, { method: 'GET', url: '/api/docs/json', remoteAddress: REMOTE });
    expect(asAlice.statusCode).toBe(200);
    const token = await api.createToken(alice, 'reader', ['read']);
    const withToken = await api.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      remoteAddress: REMOTE,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.statusCode).toBe(200);
    const local = await api.app.inject({ method: 'GET', url: '/api/docs/json', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
  });

  it('does not take a request forwarded by a proxy on this machine for a local one', async () => {
    const forwarded = await api.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': REMOTE },
    });
    expect(forwarded.statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it('are on API JSON answers, errors and 404s, with no caching', async () => {
    const alice = await api.logIn('alice', 'viewer');
    const answers = [
      await api.as(alice, { method: 'GET', url: '/api/v1/incidents' }),
      await api.app.inject({ method: 'GET', url: '/api/v1/incidents', remoteAddress: REMOTE }),
      await api.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      await api.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": ',
      }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it("keep Swagger UI's own content security policy", async () => {
    const page = await api.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
