import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { JSON_LIMITS } from '../../core/index.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/index.ts';
import { createServer } from '../create-server.ts';
import { createTokenValue, hashToken } from './api-token.ts';
import type { IngestCounts } from './ingest-routes.ts';
import { registerIngestRoutes } from './ingest-routes.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const DEEP = 100_000;
const deepEvent = (levels: number) =>
  '{"@timestamp":"2026-11-21T09:59:58Z","event":{"action":"login"},"x":' +
  '{"a":'.repeat(levels) +
  '1' +
  '}'.repeat(levels) +
  '}';
const login = JSON.stringify({ '@timestamp': '2026-11-21T09:59:58Z', event: { action: 'login' } });

describe('POST /api/v1/events with hostile bodies', () => {
  let store: Store;
  let app: FastifyInstance;
  let token: string;
  let counts: IngestCounts;

  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    token = createTokenValue();
    await store.apiTokens.add(
      { name: 'shop', hash: hashToken(token), scopes: ['ingest'], createdBy: 't' },
      NOW,
    );
    app = createServer({ bodyLimit: 4 * 1024 * 1024 });
    counts = registerIngestRoutes(app, { store, now: () => NOW });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });

  it('answers a 100,000-deep JSON body with 400 too_deep naming the limit, and counts that reason', async () => {
    const response = await post(`[${deepEvent(DEEP)}]`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'too_deep' });
    expect(response.json().message).toContain(`deeper than ${JSON_LIMITS.maxDepth} levels`);
    expect(counts.rejected).toEqual({ too_deep: 1 });
  });

  it('answers a too-deep NDJSON line with 400 naming the line', async () => {
    const response = await post(`${login}\n${deepEvent(DEEP)}\n`, 'application/x-ndjson');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'too_deep' });
    expect(response.json().message).toMatch(/^line 2 is nested deeper than 64 levels/);
  });

  it('answers a too-long NDJSON line with 400 too_long', async () => {
    const long = JSON.stringify({ event: { action: 'login' }, pad: 'x'.repeat(JSON_LIMITS.maxLength) });
    const response = await post(`${long}\n`, 'application/x-ndjson');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'too_long' });
  });

  it('accepts an event with a 100,000-step dotted key, kept as written, instead of failing with 500', async () => {
    const key = Array.from({ length: 100_000 }, () => 'a').join('.');
    const response = await post(JSON.stringify({ event: { action: 'login' }, [key]: 1 }));
    expect(response.statusCode).toBe(202);
  });

  it('accepts an event nested just within the limit', async () => {
    const response = await post(deepEvent(JSON_LIMITS.maxDepth - 2));
    expect(response.statusCode).toBe(202);
  });

  it('counts a failure inside the route under the reason it is answered with, not the status before it', async () => {
    await store.close();
    const response = await post(login);
    expect(response.statusCode).toBe(500);
    expect(counts.rejected).toEqual({ internal: 1 });
    store = await openStore('sqlite::memory:');
  });
});
