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
  method: string,
  path: string,
  body?: unknown,
  ndjson?: string,
): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': ndjson === undefined ? 'application/json' : 'application/x-ndjson' },
    ...(ndjson !== undefined ? { body: ndjson } : body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

describe.skipIf(javaMissing).each(['7.17.0', '8.0.0'])(
  'elasticsearch source against a real Elasticsearch %s node',
  (version) => {
    const dir = mkdtempSync(join(tmpdir(), `klaxon-es${version}-`));
    let url: string;
    let sshdCount: number;

    beforeAll(async () => {
      const env = {
        ...process.env,
        ES_FLAVOR: 'elasticsearch',
        ELASTICSEARCH_VERSION: version,
        NODE_START_TIMEOUT: '300',
      };
      const { stdout } = await run('bash', [SCRIPT, 'start', dir], { env, timeout: 360_000 });
      url = stdout.trim().split('\n').at(-1) ?? '';
      await send(url, 'PUT', '/filebeat-sshd-2017', {
        settings: { number_of_shards: 1, number_of_replicas: 0 },
        mappings: beatsMappings(),
      });
      const documents = sshdDocuments();
      sshdCount = documents.length;
      const lines = documents.map((document) => `{"index":{}}\n${JSON.stringify(document)}\n`).join('');
      const bulk = (await send(url, 'POST', '/filebeat-sshd-2017/_bulk?refresh=true', undefined, lines)) as {
        errors: boolean;
      };
      expect(bulk.errors).toBe(false);
    }, 420_000);
    afterAll(async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    });

    /** Runs the source on an injected clock until its first sleep; `onBatch` may act mid-poll. */
    async function firstPoll(onBatch: (batch: SourceBatch, count: number) => Promise<void> = async () => {}) {
      const config = esConfigSchema.parse({ url, index: 'filebeat-*', page_size: 500, start_from: '30d' });
      const batches: SourceBatch[] = [];
      const statuses: SourceStatus[] = [];
      const controller = new AbortController();
      await elasticsearchSource
        .create(
          'es',
          config,
          {},
          {
            resumeFrom: undefined,
            now: () => AFTER_SSHD,
            fetch: globalThis.fetch,
            sleep: async () => controller.abort(),
          },
        )
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
  },
);

describe.skipIf(javaMissing)(
  'elasticsearch source against a real Elasticsearch 8.0.0 node with security on',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-es8-secure-'));
    const password = 'klaxon-test-pw';
    let url: string;

    beforeAll(async () => {
      const env = {
        ...process.env,
        ES_FLAVOR: 'elasticsearch',
        ELASTICSEARCH_VERSION: '8.0.0',
        ES_PASSWORD: password,
        NODE_START_TIMEOUT: '300',
      };
      const { stdout } = await run('bash', [SCRIPT, 'start', dir], { env, timeout: 360_000 });
      url = stdout.trim().split('\n').at(-1) ?? '';
    }, 420_000);
    afterAll(async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    });

    async function pollAs(user: string, secret: string): Promise<SourceStatus | undefined> {
      const config = esConfigSchema.parse({ url, index: '.nothing-*', username: user, start_from: '1m' });
      const statuses: SourceStatus[] = [];
      const controller = new AbortController();
      await elasticsearchSource
        .create(
          'es',
          config,
          { password: secret },
          {
            resumeFrom: undefined,
            now: () => Date.now(),
            fetch: globalThis.fetch,
            sleep: async () => controller.abort(),
          },
        )
        .run({ deliver: async () => {}, status: (status) => statuses.push(status) }, controller.signal);
      return statuses.at(-1);
    }

    it('polls with basic auth, and names the user but never the password when it is refused', async () => {
      expect(await pollAs('elastic', password)).toMatchObject({ state: 'live' });
      const refused = await pollAs('elastic', 'wrong-password-123');
      expect(refused).toMatchObject({
        state: 'failing',
        message: expect.stringMatching(
          /^authentication failed with basic auth as user "elastic" \(HTTP 401 security_exception\)/,
        ),
      });
      expect(JSON.stringify(refused)).not.toContain('wrong-password-123');
    });
  },
);
