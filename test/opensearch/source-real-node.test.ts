import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceBatch, SourceDependencies } from '../../src/sources/index.ts';
import { opensearchSource } from '../../src/sources/elasticsearch/index.ts';
import { esConfigSchema } from '../../src/sources/elasticsearch/schema.ts';
import {
  bulkIndex,
  createIndex,
  openTestClient,
  sshdDocuments,
  windowsDocuments,
  WINDOWS_JSONL,
} from '../support/es-indices.ts';
import { javaMissing, sharedOpenSearchNode } from '../support/opensearch-node.ts';
import { stepSource } from '../support/step-source.ts';
import { DATASETS } from '../support/datasets.ts';
import { replayFiles, replayHits } from './replay-equivalence.ts';
import { readdirSync } from 'node:fs';

const AFTER_SSHD = Date.parse('2017-04-21T00:00:00Z');
const AFTER_WINDOWS = Date.parse('2024-01-01T00:00:00Z');

describe.skipIf(javaMissing)('elasticsearch source against a real OpenSearch 2.19.4 node', () => {
  let url: string;
  let client: Client;
  let sshdCount: number;
  let windowsCount: number;

  beforeAll(async () => {
    url = await sharedOpenSearchNode();
    client = openTestClient(url);
    const sshd = sshdDocuments();
    sshdCount = sshd.length;
    await createIndex(client, 'filebeat-sshd-2017');
    await bulkIndex(client, 'filebeat-sshd-2017', sshd);
    const windows = windowsDocuments();
    windowsCount = windows.length;
    await createIndex(client, 'winlogbeat-2021', { timestamp: 'date_nanos' });
    await bulkIndex(client, 'winlogbeat-2021', windows);
  }, 420_000);
  afterAll(async () => {
    await client?.close();
  });

  function source(config: Record<string, unknown>, start: number, resumeFrom?: unknown) {
    const parsed = esConfigSchema.parse({ url, page_size: 500, ...config });
    return stepSource((deps: SourceDependencies) => opensearchSource.create('os', parsed, {}, deps), {
      start,
      ...(resumeFrom === undefined ? {} : { resumeFrom }),
    });
  }

  it('polls the sshd log as Filebeat documents and opens, rule by rule, what klaxon replay opens', async () => {
    const polling = source({ index: 'filebeat-*', start_from: '30d' }, AFTER_SSHD);
    await polling.nextSleep();
    expect(polling.lastStatus()).toMatchObject({ state: 'live' });
    const hits = polling.documents();
    await polling.stop();
    expect(hits).toHaveLength(sshdCount);
    expect(new Set(hits.map((hit) => hit._id)).size).toBe(sshdCount);
    const fromLog = await replayFiles([`${DATASETS}sshd/auth.log`], { year: 2017 });
    expect(fromLog.length).toBeGreaterThan(10);
    expect(await replayHits(hits)).toEqual(fromLog);
  });

  it('reads Winlogbeat documents on a date_nanos @timestamp and opens what klaxon replay opens', async () => {
    const polling = source({ index: 'winlogbeat-*', start_from: '1500d' }, AFTER_WINDOWS);
    await polling.nextSleep();
    expect(polling.lastStatus()).toMatchObject({ state: 'live' });
    const hits = polling.documents();
    await polling.stop();
    expect(hits).toHaveLength(windowsCount);
    const files = readdirSync(WINDOWS_JSONL)
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => WINDOWS_JSONL + name);
    const fromFiles = await replayFiles(files);
    expect(fromFiles.length).toBeGreaterThan(3);
    expect(await replayHits(hits)).toEqual(fromFiles);
  });
});

export function documentsOf(batches: SourceBatch[]): Record<string, unknown>[] {
  return batches.flatMap((batch) => (batch.kind === 'documents' ? batch.documents : []));
}
