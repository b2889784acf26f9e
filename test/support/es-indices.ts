import { readFileSync, readdirSync } from 'node:fs';
import { Client } from '@opensearch-project/opensearch';
import { sshdParser } from '../../src/parsers/index.ts';
import { DATASETS } from './datasets.ts';

/**
 * Field types as Filebeat's and Winlogbeat's index templates give them: strings keyword (message
 * text), `source.ip` ip, `@timestamp` date (or date_nanos, as Winlogbeat 8 on data streams).
 */
export function beatsMappings(timestamp: 'date' | 'date_nanos' = 'date'): Record<string, unknown> {
  return {
    dynamic_templates: [
      {
        strings_as_keyword: {
          match_mapping_type: 'string',
          mapping: { type: 'keyword', ignore_above: 1024 },
        },
      },
    ],
    properties: {
      '@timestamp': { type: timestamp },
      message: { type: 'text' },
      source: { properties: { ip: { type: 'ip' }, port: { type: 'long' } } },
      event: { properties: { code: { type: 'keyword' }, original: { type: 'text', index: false } } },
    },
  };
}

export function openTestClient(url: string): Client {
  return new Client({ node: url, requestTimeout: 120_000 });
}

export async function createIndex(
  client: Client,
  name: string,
  options: { timestamp?: 'date' | 'date_nanos'; refreshInterval?: string } = {},
): Promise<void> {
  await client.indices.create({
    index: name,
    body: {
      settings: {
        number_of_shards: 1,
        number_of_replicas: 0,
        'mapping.ignore_malformed': true,
        ...(options.refreshInterval ? { refresh_interval: options.refreshInterval } : {}),
      },
      mappings: beatsMappings(options.timestamp),
    },
  });
}

/** Bulk-indexes `documents` in chunks; throws on any document the node refused. */
export async function bulkIndex(
  client: Client,
  index: string,
  documents: readonly Record<string, unknown>[],
  options: { refresh?: boolean; ids?: (n: number) => string } = {},
): Promise<void> {
  const chunk = 5_000;
  for (let start = 0; start < documents.length; start += chunk) {
    const body: unknown[] = [];
    documents.slice(start, start + chunk).forEach((document, offset) => {
      const id = options.ids?.(start + offset);
      body.push({ index: { _index: index, ...(id === undefined ? {} : { _id: id }) } }, document);
    });
    const reply = await client.bulk({ body: body as Record<string, unknown>[] });
    if (reply.body.errors) {
      const failed = reply.body.items.find((item) => item.index?.error);
      throw new Error(`bulk into ${index} refused a document: ${JSON.stringify(failed?.index?.error)}`);
    }
  }
  if (options.refresh !== false) await client.indices.refresh({ index });
}

/** The shared sshd auth.log (2017) as Filebeat-shaped documents, parsed by Klaxon's sshd parser. */
export function sshdDocuments(): Record<string, unknown>[] {
  const parser = sshdParser.create({ year: 2017 });
  const documents: Record<string, unknown>[] = [];
  for (const line of readFileSync(`${DATASETS}sshd/auth.log`, 'utf8').split('\n')) {
    if (line) parser.parseLine(line, (event) => documents.push(event as Record<string, unknown>));
  }
  return documents;
}

export const WINDOWS_JSONL = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;

/** The shared Windows Security exports (Winlogbeat-shaped documents), file by file. */
export function windowsDocuments(): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = [];
  for (const file of readdirSync(WINDOWS_JSONL)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(WINDOWS_JSONL + file, 'utf8').split('\n')) {
      if (line.trim()) documents.push(JSON.parse(line) as Record<string, unknown>);
    }
  }
  return documents;
}
