import cookie from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.ts';
import { createServer } from '../create-server.ts';
import { registerApi } from './register-api.ts';
import { createStoreRuleCatalog } from './testdata/rule-catalog.ts';

describe('registerApi', () => {
  it('joins a server that has the cookie plugin already, and leaves routes outside /api/v1 alone', async () => {
    const store = await openStore('sqlite::memory:');
    const app = createServer();
    await app.register(cookie);
    app.get('/healthz', async () => ({ ok: true }));
    await registerApi(app, {
      store,
      now: () => 1_000,
      rules: await createStoreRuleCatalog(store, [], () => 1_000),
      channels: [],
      incidentChanges: { subscribe: () => () => {} },
      reportSecurityEvent: () => {},
      secureCookies: false,
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
      expect((await app.inject({ method: 'GET', url: '/api/v1/rules' })).statusCode).toBe(401);
      const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
