import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeElasticsearch } from '../../../test/support/fake-elasticsearch.ts';
import type { FakeElasticsearch, FakeEsOptions } from '../../../test/support/fake-elasticsearch.ts';
import { stepSource } from '../../../test/support/step-source.ts';
import type { SteppedSource } from '../../../test/support/step-source.ts';
import { elasticsearchSource, opensearchSource } from './index.ts';
import type { EsSecrets } from './index.ts';
import { esConfigSchema } from './schema.ts';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const GOOD_KEY = 'R29vZEtleUlkOmdvb2Qta2V5LXNlY3JldA==';
const BAD_KEY = 'QmFkS2V5SWQ6YmFkLWtleS1zZWNyZXQ=';
const testdata = (name: string) => new URL(`./testdata/${name}`, import.meta.url).pathname;

let fake: FakeElasticsearch | undefined;
let run: SteppedSource | undefined;
afterEach(async () => {
  await run?.stop();
  await fake?.close();
  run = undefined;
  fake = undefined;
});

async function startCluster(options: FakeEsOptions = {}): Promise<FakeElasticsearch> {
  fake = await startFakeElasticsearch(options);
  fake.addDocuments('auth', [
    { _id: 'a', '@timestamp': new Date(T0 - 10_000).toISOString(), event: { code: '4625' } },
  ]);
  return fake;
}

function startSource(
  url: string,
  secrets: EsSecrets,
  settings: Record<string, unknown> = {},
  definition = elasticsearchSource,
): SteppedSource {
  const config = esConfigSchema.parse({ url, index: 'auth', start_from: '1m', interval: '30s', ...settings });
  run = stepSource((dependencies) => definition.create('security', config, secrets, dependencies), {
    start: T0,
  });
  return run;
}

const messages = (source: SteppedSource) => source.statuses.map((status) => status.message ?? '');

describe('elasticsearch source, failures', () => {
  it('reports an unreachable cluster, backs off up to the interval, and recovers', async () => {
    const cluster = await startCluster();
    await cluster.stop();
    const source = startSource(cluster.url, {});
    const port = new URL(cluster.url).port;
    const sleeps = [await source.nextSleep()];
    for (let i = 0; i < 6; i++) sleeps.push(await source.step());
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(source.lastStatus()).toEqual({
      state: 'failing',
      message: `cluster unreachable: connection refused by 127.0.0.1:${port} (ECONNREFUSED)`,
      watermark: T0 - 60_000,
    });
    await cluster.restart();
    expect(await source.step()).toBe(30_000);
    expect(source.lastStatus()?.state).toBe('live');
    expect(source.documents().map((document) => document._id)).toEqual(['a']);
  });

  it('reports a refused API key without showing it, and recovers once the cluster accepts it', async () => {
    const cluster = await startCluster({ apiKey: GOOD_KEY });
    const source = startSource(cluster.url, { api_key: BAD_KEY });
    await source.nextSleep();
    expect(source.lastStatus()).toMatchObject({
      state: 'failing',
      message:
        'authentication failed with API key (HTTP 401 security_exception): unable to authenticate with provided credentials and anonymous access is not allowed for this request',
    });
    cluster.setCredentials({ apiKey: BAD_KEY });
    await source.step();
    expect(source.lastStatus()?.state).toBe('live');
    const shown = JSON.stringify(source.statuses);
    for (const secret of [BAD_KEY, 'bad-key-secret', GOOD_KEY]) expect(shown).not.toContain(secret);
  });

  it('keeps the key id of a permission error but hides the key wherever a reply echoes it', async () => {
    const cluster = await startCluster({ apiKey: BAD_KEY });
    const reason =
      'action [indices:data/read/search] is unauthorized for API key id [BadKeyId] of user [svc] on indices [auth]';
    cluster.intercept(
      { status: 403, body: { error: { type: 'security_exception', reason }, status: 403 } },
      { when: (request) => request.path === '/' },
    );
    cluster.intercept(
      {
        status: 502,
        headers: { 'content-type': 'text/plain' },
        body: `proxy could not forward Authorization: ApiKey ${BAD_KEY} (bad-key-secret)`,
      },
      { when: (request) => request.path === '/' },
    );
    const source = startSource(cluster.url, { api_key: 'BadKeyId:bad-key-secret' });
    await source.nextSleep();
    expect(source.lastStatus()?.message).toBe(
      `permission denied for API key (HTTP 403 security_exception): ${reason}`,
    );
    await source.step();
    expect(source.lastStatus()?.message).toBe(
      'reading the cluster version (GET /) failed: HTTP 502 Bad Gateway: proxy could not forward Authorization: ApiKey <secret> (<secret>)',
    );
    await source.step();
    expect(source.lastStatus()?.state).toBe('live');
    expect(JSON.stringify(source.statuses)).not.toMatch(/bad-key-secret|QmFkS2V5SWQ6YmFkLWtleS1zZWNyZXQ/);
  });

  it('names the user of refused basic auth on OpenSearch, never the password', async () => {
    const cluster = await startCluster({
      product: 'opensearch',
      basic: { username: 'klaxon', password: 'right-pw' },
    });
    const source = startSource(
      cluster.url,
      { password: 'wrong-pw' },
      { username: 'klaxon' },
      opensearchSource,
    );
    await source.nextSleep();
    expect(source.lastStatus()?.message).toBe(
      'authentication failed with basic auth as user "klaxon" (HTTP 401)',
    );
    expect(JSON.stringify(source.statuses)).not.toContain('wrong-pw');
    cluster.setCredentials({ basic: { username: 'klaxon', password: 'wrong-pw' } });
    await source.step();
    expect(source.lastStatus()?.state).toBe('live');
  });

  it('gives up on an answer that takes longer than the timeout', async () => {
    const cluster = await startCluster();
    cluster.intercept('hang', { when: (request) => request.path === '/_search' });
    const source = startSource(cluster.url, {}, { timeout: '200ms' });
    await source.nextSleep();
    expect(source.lastStatus()?.message).toMatch(
      /^cluster unreachable: no answer from 127\.0\.0\.1:\d+ in time \(ETIMEDOUT\)$/,
    );
    await source.step();
    expect(source.lastStatus()?.state).toBe('live');
  });

  it('trusts the cluster certificate through ca_file, and says what to do without it', async () => {
    const tls = {
      key: readFileSync(testdata('node-key.pem'), 'utf8'),
      cert: readFileSync(testdata('node.pem'), 'utf8'),
    };
    const cluster = await startCluster({ tls });
    const untrusted = startSource(cluster.url, {});
    await untrusted.nextSleep();
    expect(untrusted.lastStatus()?.message).toMatch(
      /^TLS: the certificate of 127\.0\.0\.1:\d+ is not trusted \(\w+\): set ca_file/,
    );
    await untrusted.stop();

    const missing = startSource(cluster.url, {}, { ca_file: testdata('missing.pem') });
    await missing.nextSleep();
    expect(missing.lastStatus()?.message).toBe(`cannot read ca_file ${testdata('missing.pem')} (ENOENT)`);
    await missing.stop();

    const trusted = startSource(cluster.url, {}, { ca_file: testdata('ca.pem') });
    await trusted.nextSleep();
    expect(trusted.lastStatus()?.state).toBe('live');
    expect(trusted.documents().map((document) => document._id)).toEqual(['a']);
  });

  it('says which settings conflict, sends nothing, and returns when stopped', async () => {
    const cluster = await startCluster();
    const source = startSource(cluster.url, { api_key: GOOD_KEY, password: 'pw' }, { username: 'klaxon' });
    await expect.poll(() => source.lastStatus()?.state).toBe('failing');
    expect(source.lastStatus()?.message).toBe('both api_key and username/password are set: keep one of them');
    await source.stop();
    expect(cluster.requests).toEqual([]);
    expect(messages(source).join(' ')).not.toMatch(/pw|R29v/);
  });

  it('refuses Elasticsearch 6 by name', async () => {
    const cluster = await startCluster({ version: '6.8.23' });
    const source = startSource(cluster.url, {});
    await source.nextSleep();
    expect(source.lastStatus()?.message).toBe(
      'Elasticsearch 6.8.23 is not supported: 7.0 or later is needed',
    );
  });
});
