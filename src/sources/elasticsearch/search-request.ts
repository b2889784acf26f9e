import type { ClusterInfo } from './detect-cluster.ts';
import type { EsHttpRequest } from './es-request.ts';
import type { EsSettings } from './resolve-settings.ts';

export const PIT_KEEP_ALIVE = '1m';

/** The user's query, restricted to `[from, to]` on the timestamp field (epoch ms, both inclusive). */
export function buildRangeQuery(
  settings: Pick<EsSettings, 'timestampField' | 'query'>,
  from: number,
  to: number,
): Record<string, unknown> {
  const range = { range: { [settings.timestampField]: { gte: from, lte: to, format: 'epoch_millis' } } };
  return { bool: { filter: settings.query === undefined ? [range] : [range, settings.query] } };
}

/** `/winlogbeat-*` with each comma-separated name encoded for a path. */
export function indexPath(index: string): string {
  return `/${index
    .split(',')
    .map((name) => encodeURIComponent(name).replace(/%2A/gi, '*'))
    .join(',')}`;
}

export interface PageRequest {
  query: Record<string, unknown>;
  /** The point in time to read, when the cluster has one. */
  pitId: string | undefined;
  /** The last hit's `sort` values, after the first page. */
  searchAfter: unknown[] | undefined;
}

/**
 * One page of hits in timestamp order. The first page of a poll counts all matches
 * (`track_total_hits`), which gives the lag; later pages do not pay for counting again.
 */
export function buildPageSearch(
  cluster: ClusterInfo,
  settings: EsSettings,
  page: PageRequest,
): EsHttpRequest {
  const body: Record<string, unknown> = {
    size: settings.pageSize,
    query: page.query,
    sort: [
      { [settings.timestampField]: { order: 'asc', unmapped_type: 'date' } },
      { [cluster.tiebreaker]: 'asc' },
    ],
    track_total_hits: page.searchAfter === undefined,
  };
  if (page.searchAfter !== undefined) body.search_after = page.searchAfter;
  if (page.pitId === undefined) {
    return { method: 'POST', path: `${indexPath(settings.index)}/_search`, body };
  }
  // With a point in time the indices come from it: naming them again is an error.
  body.pit = { id: page.pitId, keep_alive: PIT_KEEP_ALIVE };
  return { method: 'POST', path: '/_search', body };
}
