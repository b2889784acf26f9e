import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elasticsearchSource } from '../../src/sources/elasticsearch/index.ts';
import { esConfigSchema } from '../../src/sources/elasticsearch/schema.ts';
import type { SourceBatch, SourceStatus } from '../../src/sources/index.ts';
import { DATASETS } from '../support/datasets.ts';
import { beatsMappings, sshdDocuments } from '../support/es-indices.ts';
import { javaMissing } from '../support/opensearch-node.ts';
import { replayFiles, replayHits } from './replay-equivalence.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/opensearch.sh');
const AFTER_SSHD = Date.parse('2017-04-21T00:00:00Z');
const run = promisify(execFile);

/** Sends one request to the node as JSON (or NDJSON for _bulk); throws on an error answer. */
async function send(
  url: string,
  password: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  ndjson?: string,
): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': ndjson === undefined ? 'application/json' : 'application/x-ndjson',
      ...(password === undefined ? {} : { authorization: `Basic ${btoa(`elastic:${password}`)}` }),
    },
    ...(ndjson !== undefined ? { body: ndjson } : body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

// 8.0.0 runs with security on (basic auth, no TLS); 7.17.0 without, as its integ-test zip comes.
describe.skipIf(javaMissing).each([
  ['7.17.0', undefined],
  ['8.0.0', 'klaxon-test-pw'],
] as const)('elasticsearch source against a real Elasticsearch %s node', (version, password) => {
  const dir = mkdtempSync(join(tmpdir(), `klaxon-es${version}-`));
  let url: string;
  let sshdCount: number;

  beforeAll(async () => {
    const env = {
      ...process.env,
      ES_FLAVOR: 'elasticsearch',
      ELASTICSEARCH_VERSION: version,
      NODE_START_TIMEOUT: '300',
      ...(password === undefined ? {} : { ES_PASSWORD: password }),
    };
    const { stdout } = await run('bash', [SCRIPT, 'start', dir], { env, timeout: 360_000 });
    url = stdout.trim().split('\n').at(-1) ?? '';
    await send(url, password, 'PUT', '/filebeat-sshd-2017', {
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: beatsMappings(),
    });
    const documents = sshdDocuments();
    sshdCount = documents.length;
    const lines = documents.map((document) => `{"index":{}}\n${JSON.stringify(document)}\n`).join('');
    const bulk = (await send(
      url,
      password,
      'POST',
      '/filebeat-sshd-2017/_bulk?refresh=true',
      undefined,
      lines,
    )) as {
      errors: boolean;
    };
    expect(bulk.errors).toBe(false);
  }, 420_000);
  afterAll(async () => {
    await run('bash', [SCRIPT, 'stop', dir]);
  });

  /** Runs the source on an injected clock until its first sleep; `onBatch` may act mid-poll. */
  async function firstPoll(
    onBatch: (batch: SourceBatch, count: number) => Promise<void> = async () => {},
    secret: string | undefined = password,
  ) {
    const config = esConfigSchema.parse({
      url,
      index: 'filebeat-*',
      page_size: 500,
      start_from: '30d',
      ...(password === undefined ? {} : { username: 'elastic' }),
    });
    const batches: SourceBatch[] = [];
    const statuses: SourceStatus[] = [];
    const controller = new AbortController();
    await elasticsearchSource
      .create('es', config, secret === undefined ? {} : { password: secret }, {
        resumeFrom: undefined,
        now: () => AFTER_SSHD,
        fetch: globalThis.fetch,
        sleep: async () => controller.abort(),
      })
      .run(
        {
          deliver: async (batch) => {
            batches.push(batch);
            await onBatch(batch, batches.length);
          },
          status: (status) => statuses.push(status),
        },
        controller.signal,
      );
    const documents = batches.flatMap((batch) => (batch.kind === 'documents' ? batch.documents : []));
    return { documents, status: statuses.at(-1) };
  }

  it('pages with a point in time and _shard_doc through @elastic/elasticsearch and opens what klaxon replay opens', async () => {
    const { documents, status } = await firstPoll();
    expect(status).toMatchObject({ state: 'live' });
    expect(documents).toHaveLength(sshdCount);
    expect(await replayHits(documents)).toEqual(
      await replayFiles([`${DATASETS}sshd/auth.log`], { year: 2017 }),
    );
  });

  it.runIf(password !== undefined)(
    'polls with basic auth, and names the user but never the password when it is refused',
    async () => {
      const refused = await firstPoll(undefined, 'wrong-password-123');
      expect(refused.status).toMatchObject({
        state: 'failing',
        message: expect.stringMatching(
          /^authentication failed with basic auth as user "elastic" \(HTTP 401 security_exception\)/,
        ),
      });
      expect(JSON.stringify(refused.status)).not.toContain('wrong-password-123');
    },
  );

  it('says plainly that the node stopped in the middle of a poll', async () => {
    const port = new URL(url).port;
    const { documents, status } = await firstPoll(async (_batch, count) => {
      if (count === 2) await run('bash', [SCRIPT, 'stop', dir]);
    });
    expect(documents).toHaveLength(1000);
    expect(status).toMatchObject({
      state: 'failing',
      message: `cluster unreachable: connection refused by 127.0.0.1:${port} (ECONNREFUSED)`,
    });
  });
});
