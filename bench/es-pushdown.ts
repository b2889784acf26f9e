// `npx tsx bench/es-pushdown.ts [--docs 2000000]`: on a real OpenSearch node (scripts/opensearch.sh),
// the cost of a per-address threshold rule read by streaming every document against counting it in
// the cluster (pushdown), over the last 1 h, 6 h and 24 h of an index of Windows 4625 failures.
// Bytes are counted by a TCP relay between the source and the node. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@opensearch-project/opensearch';
import { opensearchSource } from '../src/sources/elasticsearch/index.ts';
import { esConfigSchema } from '../src/sources/elasticsearch/schema.ts';
import { startTcpRelay } from '../test/support/tcp-relay.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2031-03-01T00:00:00Z');
const docsArg = process.argv.indexOf('--docs');
const TOTAL = docsArg > 0 ? Number(process.argv[docsArg + 1]) : 2_000_000;
const INDEX = 'winlogbeat-bench';
const script = join(import.meta.dirname, '../scripts/opensearch.sh');

/** Document n of the day: 200,000 addresses failing about equally often, spread over 24 h. */
function failure(n: number): Record<string, unknown> {
  const address = (n * 7919) % 200_000;
  const at = T0 + Math.floor((n / TOTAL) * 24 * HOUR);
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { code: '4625', outcome: 'failure' },
    source: { ip: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` },
    user: { name: `user${n % 10_000}` },
    winlog: { event_id: '4625', channel: 'Security' },
  };
}

async function load(client: Client): Promise<void> {
  await client.indices.create({
    index: INDEX,
    body: {
      settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '-1' },
      mappings: {
        dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
        properties: { '@timestamp': { type: 'date' }, source: { properties: { ip: { type: 'ip' } } } },
      },
    },
  });
  const started = performance.now();
  for (let start = 0; start < TOTAL; start += 10_000) {
    const body: Record<string, unknown>[] = [];
    for (let n = start; n < Math.min(TOTAL, start + 10_000); n++) body.push({ index: {} }, failure(n));
    const reply = await client.bulk({ index: INDEX, body });
    if (reply.body.errors) throw new Error('bulk refused documents');
  }
  await client.indices.refresh({ index: INDEX });
  await client.indices.forcemerge({ index: INDEX, max_num_segments: 1 });
  console.log(
    `indexed ${TOTAL.toLocaleString('en-US')} documents in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** Runs the source for `polls` polls on an injected clock; what it delivered, in how long, how many bytes. */
async function measure(url: string, config: Record<string, unknown>, start: number, polls: number) {
  const relay = await startTcpRelay(new URL(url));
  const parsed = esConfigSchema.parse({ url: relay.url, index: INDEX, query: 'event.code:4625', ...config });
  let clock = start;
  let done = 0;
  let documents = 0;
  let failure: string | undefined;
  const controller = new AbortController();
  const started = performance.now();
  await opensearchSource
    .create(
      'bench',
      parsed,
      {},
      {
        resumeFrom: undefined,
        now: () => clock,
        fetch: globalThis.fetch,
        sleep: async (ms) => {
          if (++done >= polls || failure) controller.abort();
          clock += ms;
        },
      },
    )
    .run(
      {
        deliver: async (batch) => void (documents += batch.kind === 'documents' ? batch.documents.length : 0),
        status: (status) => void (status.state === 'failing' && (failure = status.message)),
      },
      controller.signal,
    );
  const ms = performance.now() - started;
  await relay.close();
  if (failure) throw new Error(failure);
  return { documents, ms, bytes: relay.bytes.down + relay.bytes.up };
}

const dir = mkdtempSync(join(tmpdir(), 'klaxon-bench-os-'));
const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .at(-1) as string;
try {
  const client = new Client({ node: url, requestTimeout: 600_000 });
  await load(client);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(
    '| span | documents | streaming: time, docs/s, bytes | pushdown (5 m polls): polls, time, bytes, groups | cluster took (one aggregation over the span) |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const hours of [1, 6, 24]) {
    const end = T0 + hours * HOUR;
    const stream = await measure(url, { page_size: 10_000, start_from: `${hours}h` }, end, 1);
    const polls = hours * 12;
    const pushdown = { group_by: ['source.ip'], threshold: 10, window: '5m' };
    const counted = await measure(url, { interval: '5m', pushdown }, T0 + 5 * 60_000, polls);
    const one = await client.search({
      index: INDEX,
      body: {
        size: 0,
        query: { range: { '@timestamp': { gte: T0, lte: end, format: 'epoch_millis' } } },
        aggs: { g: { composite: { size: 1000, sources: [{ ip: { terms: { field: 'source.ip' } } }] } } },
      },
    });
    console.log(
      `| ${hours} h | ${stream.documents.toLocaleString('en-US')} | ${(stream.ms / 1000).toFixed(1)} s, ` +
        `${Math.round((stream.documents * 1000) / stream.ms).toLocaleString('en-US')}/s, ${mb(stream.bytes)} | ` +
        `${polls}, ${(counted.ms / 1000).toFixed(1)} s, ${mb(counted.bytes)}, ${counted.documents} | ${String(one.body.took)} ms (first 1,000 groups) |`,
    );
  }
  await client.close();
} finally {
  execFileSync('bash', [script, 'stop', dir]);
}
