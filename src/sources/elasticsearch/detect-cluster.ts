import { isObject } from '../../core/index.ts';
import type { EsClient } from './es-client.ts';

export interface ClusterInfo {
  product: 'Elasticsearch' | 'OpenSearch';
  /** `version.number` as the cluster gives it (`8.13.4`). */
  version: string;
  /** The point in time API to page with; undefined: search_after on the live indices. */
  pit: 'elasticsearch' | 'opensearch' | undefined;
  /** The last sort key, unique per document, that makes search_after exact. */
  tiebreaker: '_shard_doc' | '_id';
}

/**
 * Which paging each version gets:
 * - Elasticsearch 7.12 and later (8.x, 9.x): `POST /<index>/_pit`, sort on the timestamp then
 *   `_shard_doc` (added in 7.12), search_after, `DELETE /_pit`.
 * - Elasticsearch 7.10 and 7.11: the same point in time, with `_id` as the tiebreaker.
 * - Elasticsearch 7.0 to 7.9: no point in time; `POST /<index>/_search` sorted on the timestamp then
 *   `_id` with search_after (a document indexed between two pages may be missed by that poll; the
 *   next poll's overlap catches it).
 * - OpenSearch 3.3 and later: `POST /<index>/_search/point_in_time`, `_shard_doc` as tiebreaker,
 *   `DELETE /_search/point_in_time`.
 * - OpenSearch 2.4 to 3.2: the same point in time with `_id` as tiebreaker (no `_shard_doc`).
 * - OpenSearch 1.x, 2.0 to 2.3: like Elasticsearch 7.0 to 7.9.
 * - Elasticsearch 6 and older: not supported (no `track_total_hits`, other response shapes).
 */
export function planForVersion(
  distribution: string | undefined,
  number: string,
): ClusterInfo | { error: string } {
  const match = /^(\d+)\.(\d+)/.exec(number);
  const major = Number(match?.[1] ?? NaN);
  const minor = Number(match?.[2] ?? NaN);
  if (Number.isNaN(major) || Number.isNaN(minor)) return { error: `unreadable version number "${number}"` };
  const at = (m: number, n: number) => major > m || (major === m && minor >= n);
  if (distribution === 'opensearch') {
    return {
      product: 'OpenSearch',
      version: number,
      pit: at(2, 4) ? 'opensearch' : undefined,
      tiebreaker: at(3, 3) ? '_shard_doc' : '_id',
    };
  }
  if (major < 7) return { error: `Elasticsearch ${number} is not supported: 7.0 or later is needed` };
  return {
    product: 'Elasticsearch',
    version: number,
    pit: at(7, 10) ? 'elasticsearch' : undefined,
    tiebreaker: at(7, 12) ? '_shard_doc' : '_id',
  };
}

/** `GET /`: which product and version answer, and so how to page. */
export async function detectCluster(
  client: EsClient,
  signal: AbortSignal,
): Promise<ClusterInfo | { error: string }> {
  const result = await client.call(
    'reading the cluster version (GET /)',
    { method: 'GET', path: '/' },
    signal,
  );
  if (!result.ok) return { error: result.message };
  const version = result.body.version;
  if (!isObject(version) || typeof version.number !== 'string') {
    return { error: 'not an Elasticsearch or OpenSearch cluster: GET / answered without version.number' };
  }
  const distribution = typeof version.distribution === 'string' ? version.distribution : undefined;
  return planForVersion(distribution, version.number);
}
