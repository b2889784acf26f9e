import { afterEach, describe, expect, it } from 'vitest';
import { startFakeElasticsearch } from './fake-elasticsearch.ts';
import type { FakeElasticsearch, FakeEsOptions } from './fake-elasticsearch.ts';

let fake: FakeElasticsearch | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeEsOptions = {}): Promise<FakeElasticsearch> {
  fake = await startFakeElasticsearch(options);
  fake.addDocuments('logs-a', [
    { _id: '1', '@timestamp': '2024-05-01T10:00:00Z', event: { code: '4625' }, user: { name: 'alice' } },
    { _id: '2', '@timestamp': '2024-05-01T10:00:01Z', event: { code: '4624' }, user: { name: 'bob smith' } },
    { _id: '3', '@timestamp': '2024-05-01T10:00:02Z', event: { code: '4634' }, user: { name: 'carol' } },
  ]);
  return fake;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake?.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text.startsWith('{') ? JSON.parse(text) : text,
  };
}

async function count(queryString: string): Promise<number> {
  const reply = await call('POST', '/logs-*/_count', { query: { query_string: { query: queryString } } });
  return reply.body.count as number;
}

describe('fake elasticsearch', () => {
  it('evaluates the query_string forms it documents', async () => {
    await start();
    expect(await count('event.code:4625')).toBe(1);
    expect(await count('event.code:(4624 OR 4625)')).toBe(2);
    expect(await count('event.code:4625 OR user.name:carol')).toBe(2);
    expect(await count('event.code:4625 user.name:carol')).toBe(2); // OR is the default operator
    expect(await count('event.code:(4624 OR 4625) AND NOT user.name:alice')).toBe(1);
    expect(await count('user.name:"bob smith"')).toBe(1);
    expect(await count('user.name:ca*')).toBe(1);
    expect(await count('user.name:*')).toBe(3);
  });

  it('answers like Elasticsearch 8: product header, errors with type and reason', async () => {
    await start();
    const root = await call('GET', '/');
    expect(root.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(root.body.version.number).toBe('8.13.4');
    const missing = await call('POST', '/nope/_search', {});
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      type: 'index_not_found_exception',
      reason: 'no such index [nope]',
    });
    expect((await call('POST', '/nope-*/_search', {})).status).toBe(200);
    expect((await call('POST', '/nope-*/_count?allow_no_indices=false', {})).status).toBe(404);
    const sortById = await call('POST', '/logs-a/_search', { sort: [{ _id: 'asc' }] });
    expect(sortById.body.error.reason).toMatch(/Fielddata access on the _id field is disallowed/);
    const pit = await call('POST', '/logs-a/_pit?keep_alive=1m');
    const withIndex = await call('POST', '/logs-a/_search', { pit: { id: pit.body.id } });
    expect(withIndex.body.error.type).toBe('action_request_validation_exception');
  });

  it('answers 401 with the challenges of each product and no product header', async () => {
    await start({ apiKey: 'right' });
    const denied = await call('GET', '/', undefined, { authorization: 'ApiKey wrong' });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('x-elastic-product')).toBeNull();
    expect(denied.headers.get('www-authenticate')).toContain('ApiKey');
    expect(denied.body.error.type).toBe('security_exception');
    await fake?.close();
    await start({ product: 'opensearch', basic: { username: 'u', password: 'p' } });
    const plain = await call('GET', '/');
    expect(plain).toMatchObject({ status: 401, body: 'Unauthorized' });
    expect(plain.headers.get('www-authenticate')).toBe('Basic realm="OpenSearch Security"');
  });

  it('has only the routes of the version: no point in time before OpenSearch 2.4', async () => {
    await start({ product: 'opensearch', version: '1.3.17' });
    const reply = await call('POST', '/logs-a/_search/point_in_time?keep_alive=1m');
    expect(reply.body).toEqual({
      error: 'no handler found for uri [/logs-a/_search/point_in_time] and method [POST]',
    });
  });
});
