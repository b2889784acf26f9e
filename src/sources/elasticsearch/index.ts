import type { SourceDefinition } from '../source.ts';
import { createEsSource } from './run-es-source.ts';
import { esConfigSchema, esSecretsSchema } from './schema.ts';
import type { EsConfig, EsSecrets } from './schema.ts';

export type { EsConfig, EsSecrets } from './schema.ts';

/**
 * Polls an Elasticsearch (7.0+) or OpenSearch (1.x+) index every `interval` for the documents of
 * `query` whose `timestamp_field` lies in `[previous poll's end - overlap, now]`, paging with
 * search_after (in a point in time where the version has one: see detect-cluster.ts).
 *
 * Documents mode: each page is one `documents` batch of hits exactly as the cluster returns them
 * (`{_index, _id, _source, sort, ...}`; the pipeline unwraps them with readEcsObject). Hits whose
 * `_id` was delivered before are dropped, so the overlap catches late documents without counting
 * any twice. The position (an EsPosition: `{from, seen: {_id: epoch ms}}`) goes with every batch.
 *
 * Pushdown mode (`pushdown:` set; no documents are fetched): each poll counts the matches of the
 * trailing `window` per `group_by` group in the cluster and delivers, per group with at least
 * `threshold` matches, one document:
 * ```
 * { _source: {
 *     '@timestamp': '<poll time, ISO>',
 *     event: { dataset: 'klaxon.pushdown', count: 7 },
 *     source: { ip: '203.0.113.9' },               // each group_by field, nested as ECS nests it
 *     klaxon: { pushdown: { rule: 'ssh-brute-force', // the pushdown's `rule`, else 'pushdown'
 *       key: 'source.ip=203.0.113.9', group_by: ['source.ip'], threshold: 5, window: '5m', count: 7,
 *       from: '<window start, ISO>', to: '<poll time, ISO>' } } } }
 * ```
 * The shipped `pushdown-threshold` rule turns each group into one incident (grouped by
 * `klaxon.pushdown.rule` and `.key`); while the burst lasts every poll reports it again, which
 * updates the incident, and it resolves once the polls stop reporting it.
 */
export const elasticsearchSource: SourceDefinition<EsConfig, EsSecrets> = {
  type: 'elasticsearch',
  configSchema: esConfigSchema,
  secretsSchema: esSecretsSchema,
  create: (name, config, secrets, dependencies) =>
    createEsSource('elasticsearch', name, config, secrets, dependencies),
};

/** The same source under the name OpenSearch users look for; the product is detected either way. */
export const opensearchSource: SourceDefinition<EsConfig, EsSecrets> = {
  ...elasticsearchSource,
  type: 'opensearch',
  create: (name, config, secrets, dependencies) =>
    createEsSource('opensearch', name, config, secrets, dependencies),
};
