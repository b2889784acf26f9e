import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Counter, Registry } from 'prom-client';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/index.ts';
import { createServer } from '../create-server.ts';
import { createTokenResolver, createTokenValue, hashToken } from '../ingest/index.ts';
import { registerOperationsRoutes } from './operations-routes.ts';

const NOW = Date.UTC(2026, 2, 2);
const REMOTE = '203.0.113.5';

describe('/metrics exposure', () => {
  let store: Store;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    for (const scope of ['metrics', 'ingest']) {
      tokens[scope] = createTokenValue();
      await store.apiTokens.add(
        { name: scope, hash: hashToken(tokens[scope] as string), scopes: [scope], createdBy: 't' },
        NOW,
      );
    }
    const registry = new Registry();
    new Counter({ name: 'klaxon_test_total', help: 'a test', registers: [registry] }).inc();
    app = createServer({ hsts: true });
    registerOperationsRoutes(app, {
      readiness: async () => [],
      metrics: registry,
      resolveToken: createTokenResolver(store, () => NOW),
    });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const scrape = (remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('answers a client on this machine over real HTTP', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${address.port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('klaxon_test_total 1');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('refuses a remote client without a token, or with a token of another scope', async () => {
    const bare = await scrape(REMOTE);
    expect(bare.statusCode).toBe(401);
    expect(bare.body).not.toContain('klaxon_test_total');
    const ingest = await scrape(REMOTE, { authorization: `Bearer ${tokens.ingest}` });
    expect(ingest.statusCode).toBe(403);
    expect(ingest.json().message).toContain('"metrics" scope');
  });

  it('answers a remote client with a metrics token', async () => {
    const response = await scrape(REMOTE, { authorization: `Bearer ${tokens.metrics}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('klaxon_test_total 1');
  });

  it('takes a request a local reverse proxy forwards for a remote one', async () => {
    expect((await scrape('127.0.0.1', { 'x-forwarded-for': REMOTE })).statusCode).toBe(401);
    expect((await scrape('::1')).statusCode).toBe(200);
  });

  it('answers only this machine when no token resolver is given', async () => {
    const bare = createServer();
    registerOperationsRoutes(bare, { readiness: async () => [], metrics: new Registry() });
    const response = await bare.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE });
    expect(response.statusCode).toBe(403);
    expect((await bare.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    await bare.close();
  });
});
