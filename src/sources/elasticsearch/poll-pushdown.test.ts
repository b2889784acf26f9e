import { afterEach, describe, expect, it } from 'vitest';
import { startFakeElasticsearch } from '../../../test/support/fake-elasticsearch.ts';
import type { FakeElasticsearch } from '../../../test/support/fake-elasticsearch.ts';
import { stepSource } from '../../../test/support/step-source.ts';
import type { SteppedSource } from '../../../test/support/step-source.ts';
import { readEcsObject } from '../../parsers/index.ts';
import { elasticsearchSource } from './index.ts';
import { esConfigSchema } from './schema.ts';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');

let fake: FakeElasticsearch | undefined;
let run: SteppedSource | undefined;
afterEach(async () => {
  await run?.stop();
  await fake?.close();
  run = undefined;
  fake = undefined;
});

/** `count` failed logons from one address for one user, a few seconds apart, ending `minutesAgo` before T0. */
function failures(ip: string, user: string, count: number, minutesAgo = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    '@timestamp': new Date(T0 - minutesAgo * 60_000 - i * 5_000).toISOString(),
    event: { code: '4625', outcome: 'failure' },
    source: { ip },
    user: { name: user },
  }));
}

async function startWith(pushdown: unknown, settings: Record<string, unknown> = {}): Promise<SteppedSource> {
  fake = await startFakeElasticsearch();
  fake.addDocuments('winlogbeat-a', [
    ...failures('203.0.113.9', 'admin', 6),
    ...failures('198.51.100.7', 'bob', 2),
    ...failures('192.0.2.1', 'alice', 3),
    ...failures('192.0.2.1', 'carol', 1),
    ...failures('203.0.113.9', 'root', 9, 30), // long before the window
    {
      '@timestamp': new Date(T0 - 1_000).toISOString(),
      event: { code: '4624' },
      source: { ip: '203.0.113.9' },
    },
  ]);
  const config = esConfigSchema.parse({
    url: fake.url,
    index: 'winlogbeat-*',
    query: 'event.code:4625',
    pushdown,
    ...settings,
  });
  run = stepSource((dependencies) => elasticsearchSource.create('winlogbeat', config, {}, dependencies), {
    start: T0,
  });
  await run.nextSleep();
  return run;
}

describe('elasticsearch source, pushdown', () => {
  it('counts one group key with a terms aggregation and delivers one document per group over the threshold', async () => {
    const source = await startWith({
      group_by: ['source.ip'],
      threshold: 5,
      window: '5m',
      rule: 'brute-force',
    });
    expect(source.documents()).toEqual([
      {
        _source: {
          '@timestamp': '2024-05-01T10:00:00.000Z',
          event: { dataset: 'klaxon.pushdown', count: 6 },
          source: { ip: '203.0.113.9' },
          klaxon: {
            pushdown: {
              rule: 'brute-force',
              key: 'source.ip=203.0.113.9',
              group_by: ['source.ip'],
              threshold: 5,
              window: '5m',
              count: 6,
              from: '2024-05-01T09:55:00.000Z',
              to: '2024-05-01T10:00:00.000Z',
            },
          },
        },
      },
    ]);
    const search = fake?.requests.find((request) => request.path === '/winlogbeat-*/_search');
    expect(search?.body).toEqual({
      size: 0,
      track_total_hits: false,
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: T0 - 300_000, lte: T0, format: 'epoch_millis' } } },
            { query_string: { query: 'event.code:4625' } },
          ],
        },
      },
      aggs: { groups: { terms: { field: 'source.ip', size: 1000, min_doc_count: 5 } } },
    });
    expect(fake?.requests.some((request) => /_pit|point_in_time/.test(request.path))).toBe(false);
    expect(source.lastStatus()).toEqual({ state: 'live', watermark: T0 });
  });

  it('pages a composite aggregation over several keys and keeps only groups at the threshold', async () => {
    const source = await startWith(
      { group_by: ['source.ip', 'user.name'], threshold: 3, window: '5m' },
      { page_size: 2 },
    );
    const groups = source.documents().map((document) => {
      const event = document._source as Record<string, unknown>;
      return [event.source, event.user, (event.event as Record<string, unknown>).count];
    });
    expect(groups).toEqual([
      [{ ip: '192.0.2.1' }, { name: 'alice' }, 3],
      [{ ip: '203.0.113.9' }, { name: 'admin' }, 6],
    ]);
    const afters = fake?.requests
      .filter((request) => request.path === '/winlogbeat-*/_search')
      .map(
        (request) =>
          (request.body as { aggs: { groups: { composite: { after?: unknown } } } }).aggs.groups.composite
            .after,
      );
    expect(afters).toEqual([undefined, { g0: '192.0.2.1', g1: 'carol' }, { g0: '203.0.113.9', g1: 'admin' }]);
  });

  it('runs every listed aggregation each poll, and counts the window again at the next poll', async () => {
    const source = await startWith([
      { group_by: ['source.ip'], threshold: 5, window: '5m', rule: 'per-source' },
      { group_by: ['user.name'], threshold: 3, window: '5m', rule: 'per-user' },
    ]);
    const rules = () =>
      source.documents().map((document) => {
        const event = document._source as { klaxon: { pushdown: { rule: string; count: number } } };
        return `${event.klaxon.pushdown.rule}:${event.klaxon.pushdown.count}`;
      });
    expect(rules()).toEqual(['per-source:6', 'per-user:6', 'per-user:3']);
    expect(source.batches.map((batch) => batch.position)).toEqual([{ counted_at: T0 }, { counted_at: T0 }]);
    source.advance(5 * 60_000); // the burst slides out of the 5-minute window
    await source.step();
    expect(rules()).toHaveLength(3);
    const later = T0 + 5 * 60_000 + 30_000;
    expect(source.batches.slice(2)).toEqual([
      { kind: 'documents', documents: [], position: { counted_at: later } },
      { kind: 'documents', documents: [], position: { counted_at: later } },
    ]);
  });

  it('delivers documents the ndjson reader turns into events a rule can match', async () => {
    const source = await startWith({ group_by: ['source.ip'], threshold: 5, window: '5m' });
    const event = readEcsObject(source.documents()[0] as Record<string, unknown>);
    expect(event).toMatchObject({
      '@timestamp': '2024-05-01T10:00:00.000Z',
      event: { dataset: 'klaxon.pushdown', count: 6, original: expect.stringContaining('"klaxon.pushdown"') },
      source: { ip: '203.0.113.9' },
    });
  });
});
