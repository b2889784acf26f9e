import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/index.ts';
import { createServer } from '../create-server.ts';
import { createTokenValue, hashToken } from './api-token.ts';
import { registerIngestRoutes } from './ingest-routes.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');

function failedLogin(user: string, ip = '203.0.113.9'): Record<string, unknown> {
  return {
    '@timestamp': '2026-11-21T09:59:58.000Z',
    event: { category: ['authentication'], action: 'login', outcome: 'failure' },
    user: { name: user },
    source: { ip },
  };
}

describe('POST /api/v1/events', () => {
  let store: Store;
  let app: FastifyInstance;
  let token: string;
  let clock = NOW;
  let accepted = 0;

  beforeEach(async () => {
    clock = NOW;
    accepted = 0;
    store = await openStore('sqlite::memory:');
    token = createTokenValue();
    await store.apiTokens.add(
      { name: 'shop', hash: hashToken(token), scopes: ['ingest'], service: 'shop-web', createdBy: 'test' },
      NOW,
    );
    app = createServer({ bodyLimit: 64 * 1024 });
    registerIngestRoutes(app, {
      store,
      now: () => clock,
      onAccepted: (n) => (accepted += n),
      maxEventsPerRequest: 100,
      rateLimit: { events: 150, perMs: 1_000 },
    });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const journal = async () =>
    (await store.ingestJournal.readAfter(0, 100)).flatMap((batch) =>
      batch.eventsNdjson.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>),
    );

  it('accepts a JSON array, makes it durable before answering, and completes missing fields', async () => {
    const noTime = { event: { action: 'csrf_token_invalid' }, 'source.ip': '198.51.100.7' };
    const response = await post([failedLogin('alice'), noTime]);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 2 });
    expect(accepted).toBe(2);
    const events = await journal();
    expect(events[0]).toMatchObject({ user: { name: 'alice' }, service: { name: 'shop-web' } });
    expect(events[1]).toMatchObject({
      '@timestamp': new Date(NOW).toISOString(),
      source: { ip: '198.51.100.7' },
      service: { name: 'shop-web' },
    });
  });

  it('accepts NDJSON and keeps an application-given service name', async () => {
    const lines = [failedLogin('bob'), { ...failedLogin('carol'), service: { name: 'billing' } }]
      .map((event) => JSON.stringify(event))
      .join('\n');
    const response = await post(`${lines}\n`, { 'content-type': 'application/x-ndjson' });
    expect(response.statusCode).toBe(202);
    expect((await journal()).map((event) => (event['service'] as { name: string }).name)).toEqual([
      'shop-web',
      'billing',
    ]);
  });

  it('refuses a request without a token, with an unknown token and with a token lacking the scope', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/events', payload: [failedLogin('a')] });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().message).toMatch(/Authorization: Bearer/);
    expect((await post([failedLogin('a')], { authorization: 'Bearer klx_nope' })).statusCode).toBe(401);
    const readOnly = createTokenValue();
    await store.apiTokens.add(
      { name: 'feed', hash: hashToken(readOnly), scopes: ['read'], createdBy: 't' },
      NOW,
    );
    const forbidden = await post([failedLogin('a')], { authorization: `Bearer ${readOnly}` });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toContain('"ingest" scope');
    expect(await journal()).toEqual([]);
  });

  it('names every invalid field by event index and accepts nothing of that request', async () => {
    const response = await post([
      failedLogin('alice'),
      { ...failedLogin('bob'), source: { ip: 'not-an-ip' } },
      { '@timestamp': 'yesterday', event: { outcome: 'maybe' } },
      'a string',
    ]);
    expect(response.statusCode).toBe(400);
    const details = response.json().details as { index: number; field?: string }[];
    expect(details.map((issue) => [issue.index, issue.field])).toEqual([
      [1, 'source.ip'],
      [2, '@timestamp'],
      [2, 'event.action'],
      [2, 'event.outcome'],
      [3, undefined],
    ]);
    expect(await journal()).toEqual([]);
  });

  it('answers malformed JSON, bad NDJSON lines, oversized bodies and empty requests with a 4xx reason', async () => {
    const malformed = await post('[{"event": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid_json');
    const badLine = await post(`${JSON.stringify(failedLogin('a'))}\n{oops\n`, {
      'content-type': 'application/x-ndjson',
    });
    expect(badLine.statusCode).toBe(400);
    expect(badLine.json().message).toContain('line 2 is not valid JSON');
    const big = await post(JSON.stringify([{ event: { action: 'x' }, pad: 'x'.repeat(70 * 1024) }]));
    expect(big.statusCode).toBe(413);
    expect((await post([])).statusCode).toBe(400);
    const tooMany = await post(Array.from({ length: 101 }, () => failedLogin('a')));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('at most 100');
    const text = await post('hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(await journal()).toEqual([]);
  });

  it('rate-limits per token with Retry-After, and lets the token through once the bucket refilled', async () => {
    const batch = Array.from({ length: 100 }, () => failedLogin('a'));
    expect((await post(batch)).statusCode).toBe(202);
    const limited = await post(batch);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    clock += 1_000;
    expect((await post(batch)).statusCode).toBe(202);
  });

  it('stops accepting a revoked token within the cache time', async () => {
    expect((await post([failedLogin('a')])).statusCode).toBe(202);
    await store.apiTokens.revoke('shop', clock);
    clock += 5_001;
    expect((await post([failedLogin('a')])).statusCode).toBe(401);
  });
});
