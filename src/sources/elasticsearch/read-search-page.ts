import { isObject } from '../../core/index.ts';

/** A hit as Elasticsearch returns it (`_index`, `_id`, `_source`, `sort`, ...), untouched. */
export type EsHit = Record<string, unknown> & { _id: string; sort: unknown[] };

export interface SearchPage {
  hits: EsHit[];
  /** Exact number of matches, when the request counted them. */
  total: number | undefined;
  /** The point in time id to use next (it may change from page to page). */
  pitId: string | undefined;
  aggregations: Record<string, unknown> | undefined;
}

/**
 * The parts of a search answer the source uses, or why it cannot be used. Failed shards make the
 * page incomplete: rather than go on with a silent gap, the poll fails and is tried again.
 */
export function readSearchPage(body: Record<string, unknown>): SearchPage | { error: string } {
  const shards = body._shards;
  if (isObject(shards) && typeof shards.failed === 'number' && shards.failed > 0) {
    return {
      error: `search failed on ${shards.failed} of ${String(shards.total)} shards${describeShardFailure(shards)}`,
    };
  }
  const hitsObject = isObject(body.hits) ? body.hits : undefined;
  const rawHits = hitsObject?.hits;
  if (!Array.isArray(rawHits)) return { error: 'search failed: the answer holds no hits.hits list' };
  const hits: EsHit[] = [];
  for (const hit of rawHits) {
    if (!isObject(hit) || typeof hit._id !== 'string' || !Array.isArray(hit.sort)) {
      return { error: 'search failed: a hit without _id or sort values' };
    }
    hits.push(hit as EsHit);
  }
  const total =
    isObject(hitsObject?.total) && hitsObject.total.relation === 'eq' ? hitsObject.total.value : undefined;
  return {
    hits,
    total: typeof total === 'number' ? total : undefined,
    pitId: typeof body.pit_id === 'string' ? body.pit_id : undefined,
    aggregations: isObject(body.aggregations) ? body.aggregations : undefined,
  };
}

function describeShardFailure(shards: Record<string, unknown>): string {
  const first: unknown = Array.isArray(shards.failures) ? shards.failures[0] : undefined;
  const reason = isObject(first) && isObject(first.reason) ? first.reason : undefined;
  if (!reason) return '';
  return `: ${String(reason.type)}: ${String(reason.reason)}`;
}

/** A hit's timestamp in epoch ms, from its first sort value (the timestamp field). */
export function readHitTime(hit: EsHit): number | undefined {
  const value = hit.sort[0];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}
