import { afterEach, describe, expect, it } from 'vitest';
import { startFakeElasticsearch } from '../../../test/support/fake-elasticsearch.ts';
import type { FakeElasticsearch, FakeEsOptions } from '../../../test/support/fake-elasticsearch.ts';
import { stepSource } from '../../../test/support/step-source.ts';
import type { SteppedSource } from '../../../test/support/step-source.ts';
import type { SourceBatch } from '../source.ts';
import { elasticsearchSource } from './index.ts';
import { esConfigSchema } from './schema.ts';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const API_KEY = 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==';

let fake: FakeElasticsearch | undefined;
let run: SteppedSource | undefined;
afterEach(async () => {
  await run?.stop();
  await fake?.close();
  run = undefined;
  fake = undefined;
});

function logon(id: string, secondsBeforeT0: number, code = '4625'): Record<string, unknown> {
  return {
    _id: id,
    '@timestamp': new Date(T0 - secondsBeforeT0 * 1000).toISOString(),
    event: { code },
    user: { name: `user-${id}` },
  };
}

async function startCluster(options: FakeEsOptions = {}): Promise<FakeElasticsearch> {
  fake = await startFakeElasticsearch({ apiKey: API_KEY, ...options });
  return fake;
}

function startSource(
  cluster: FakeElasticsearch,
  settings: Record<string, unknown> = {},
  options: { start?: number; resumeFrom?: unknown } = {},
): SteppedSource {
  const config = esConfigSchema.parse({
    url: cluster.url,
    index: 'winlogbeat-*',
    query: 'event.code:(4624 OR 4625)',
    start_from: '1m',
    ...settings,
  });
  run = stepSource(
    (dependencies) => elasticsearchSource.create('winlogbeat', config, { api_key: API_KEY }, dependencies),
    {
      start: options.start ?? T0,
      resumeFrom: options.resumeFrom,
    },
  );
  return run;
}

const ids = (documents: Record<string, unknown>[]) => documents.map((document) => document._id);
const paths = (cluster: FakeElasticsearch) =>
  cluster.requests.map((request) => `${request.method} ${request.path}`);

describe('elasticsearch source, documents', () => {
  it('pages through a point in time on Elasticsearch 8 and delivers the hits as the cluster returns them', async () => {
    const cluster = await startCluster();
    cluster.addDocuments('winlogbeat-2024.05.01', [
      logon('a', 50),
      logon('b', 40),
      logon('skip', 35, '4634'),
      logon('c', 30),
      logon('d', 20),
      logon('e', 10),
      logon('too-old', 70),
    ]);
    const source = startSource(cluster, { page_size: 2 });
    expect(await source.nextSleep()).toBe(30_000);

    expect(source.batches.map((batch) => ids(documentsOf(batch)))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(source.documents()[0]).toEqual({
      _index: 'winlogbeat-2024.05.01',
      _id: 'a',
      _score: null,
      _source: {
        '@timestamp': '2024-05-01T09:59:10.000Z',
        event: { code: '4625' },
        user: { name: 'user-a' },
      },
      sort: [T0 - 50_000, expect.any(Number)],
    });
    expect(paths(cluster)).toEqual([
      'GET /',
      'POST /winlogbeat-*/_pit',
      'POST /_search',
      'POST /_search',
      'POST /_search',
      'DELETE /_pit',
    ]);
    expect(cluster.openPits()).toBe(0);
    const firstSearch = cluster.requests[2];
    expect(firstSearch?.headers.authorization).toBe(`ApiKey ${API_KEY}`);
    expect(firstSearch?.query.get('keep_alive')).toBeNull();
    expect(firstSearch?.body).toEqual({
      size: 2,
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: T0 - 60_000, lte: T0, format: 'epoch_millis' } } },
            { query_string: { query: 'event.code:(4624 OR 4625)' } },
          ],
        },
      },
      sort: [{ '@timestamp': { order: 'asc', unmapped_type: 'date' } }, { _shard_doc: 'asc' }],
      track_total_hits: true,
      pit: { id: expect.any(String), keep_alive: '1m' },
    });
    expect((cluster.requests[3]?.body as Record<string, unknown>).search_after).toEqual(
      source.documents()[1]?.sort,
    );
    expect(source.statuses.map((status) => status.state)).toEqual([
      'starting',
      'catching-up',
      'catching-up',
      'live',
    ]);
    expect(source.statuses[1]).toEqual({
      state: 'catching-up',
      watermark: T0 - 60_000,
      lag: { value: 3, unit: 'documents' },
    });
    expect(source.lastStatus()).toEqual({
      state: 'live',
      watermark: T0 - 60_000,
      lag: { value: 0, unit: 'documents' },
    });
  });

  it('reads only new documents on the next poll and moves the watermark to its end minus the overlap', async () => {
    const cluster = await startCluster();
    cluster.addDocuments('winlogbeat-a', [logon('a', 10)]);
    const source = startSource(cluster);
    await source.nextSleep();
    cluster.addDocuments('winlogbeat-a', [logon('b', -20)]);
    source.advance(5 * 60_000); // a quiet stretch: the next poll starts at T0 + 5m30s
    await source.step();
    expect(ids(source.documents())).toEqual(['a', 'b']);
    const now = T0 + 5 * 60_000 + 30_000;
    expect(source.lastStatus()).toMatchObject({ state: 'live', watermark: now - 120_000 });
    const lastPosition = source.batches[source.batches.length - 1]?.position;
    expect(lastPosition).toEqual({ from: now - 120_000, seen: {} });
  });

  it('resumes from a checkpoint without reading again what it delivered', async () => {
    const cluster = await startCluster();
    const minutes = (id: string, m: number) => logon(id, m * 60);
    cluster.addDocuments('winlogbeat-a', [
      minutes('a', 50),
      minutes('b', 40),
      minutes('c', 30),
      minutes('d', 20),
    ]);
    const first = startSource(cluster, { page_size: 2, start_from: '1h' });
    await first.nextSleep();
    // The pipeline committed the batch after the first page only, then the process stopped.
    const checkpoint = JSON.parse(JSON.stringify(first.batches[0]?.position)) as unknown;
    // Reading a backlog, the position moves up to the last hit: only the ids at that time are kept.
    expect(checkpoint).toEqual({ from: T0 - 40 * 60_000, seen: { b: T0 - 40 * 60_000 } });
    await first.stop();
    cluster.addDocuments('winlogbeat-a', [logon('e', -60)]);

    const second = startSource(cluster, { page_size: 2 }, { start: T0 + 90_000, resumeFrom: checkpoint });
    await second.nextSleep();
    expect(ids(second.documents())).toEqual(['c', 'd', 'e']);
    expect(second.statuses[0]).toEqual({ state: 'starting', watermark: T0 - 40 * 60_000 });
  });

  it('starts as on a first run when the checkpoint is not one of its own, and says so', async () => {
    const cluster = await startCluster();
    cluster.addDocuments('winlogbeat-a', [logon('a', 10), logon('old', 120)]);
    const source = startSource(cluster, {}, { resumeFrom: { offset: 42 } });
    await source.nextSleep();
    expect(ids(source.documents())).toEqual(['a']);
    expect(source.statuses[0]?.message).toMatch(/checkpoint is not an Elasticsearch position/);
  });

  it('closes the point in time when a page fails, then reads on from where it was', async () => {
    const cluster = await startCluster();
    cluster.addDocuments('winlogbeat-a', [logon('a', 50), logon('b', 40), logon('c', 30)]);
    cluster.intercept(
      { status: 503, body: { error: { type: 'cluster_block_exception', reason: 'blocked' }, status: 503 } },
      {
        when: (request) =>
          request.path === '/_search' &&
          request.body !== undefined &&
          'search_after' in (request.body as object),
      },
    );
    const source = startSource(cluster, { page_size: 2 });
    expect(await source.nextSleep()).toBe(1_000);
    expect(source.lastStatus()).toMatchObject({
      state: 'failing',
      message: 'search failed: HTTP 503 cluster_block_exception: blocked',
    });
    expect(cluster.openPits()).toBe(0);
    await source.step();
    expect(ids(source.documents())).toEqual(['a', 'b', 'c']);
    expect(source.lastStatus()?.state).toBe('live');
  });
});

describe('elasticsearch source, paging per version', () => {
  it.each([
    ['elasticsearch', '7.17.21', ['POST /winlogbeat-*/_pit', 'DELETE /_pit'], '_shard_doc'],
    ['elasticsearch', '9.0.1', ['POST /winlogbeat-*/_pit', 'DELETE /_pit'], '_shard_doc'],
    [
      'opensearch',
      '2.11.1',
      ['POST /winlogbeat-*/_search/point_in_time', 'DELETE /_search/point_in_time'],
      '_id',
    ],
    ['opensearch', '1.3.17', [], '_id'],
    ['elasticsearch', '7.9.3', [], '_id'],
  ] as const)('%s %s', async (product, version, pitPaths, tiebreaker) => {
    const cluster = await startCluster({ product, version });
    cluster.addDocuments('winlogbeat-a', [logon('a', 30), logon('b', 20), logon('c', 10)]);
    const source = startSource(cluster, { page_size: 2 });
    await source.nextSleep();
    expect(ids(source.documents())).toEqual(['a', 'b', 'c']);
    const searchPath = pitPaths.length > 0 ? '/_search' : '/winlogbeat-*/_search';
    const searches = cluster.requests.filter((request) => request.path === searchPath);
    expect(searches).toHaveLength(2);
    expect((searches[0]?.body as { sort: unknown[] }).sort[1]).toEqual({ [tiebreaker]: 'asc' });
    expect(paths(cluster).filter((path) => /_pit|point_in_time/.test(path))).toEqual(pitPaths);
    expect(cluster.openPits()).toBe(0);
    if (product === 'opensearch' && pitPaths.length > 0) {
      const close = cluster.requests.find((request) => request.method === 'DELETE');
      expect(close?.body).toEqual({ pit_id: [expect.any(String)] });
    }
  });
});

function documentsOf(batch: SourceBatch): Record<string, unknown>[] {
  return batch.kind === 'documents' ? batch.documents : [];
}
