import type { ClusterInfo } from './detect-cluster.ts';
import type { EsClient } from './es-client.ts';
import { PIT_KEEP_ALIVE, indexPath } from './search-request.ts';

const CLOSE_TIMEOUT_MS = 5_000;

/** Opens a point in time on the index: its id, or why not. */
export async function openPointInTime(
  client: EsClient,
  cluster: ClusterInfo,
  index: string,
  signal: AbortSignal,
): Promise<{ id: string } | { error: string }> {
  const api = cluster.pit === 'opensearch' ? '_search/point_in_time' : '_pit';
  const result = await client.call(
    'opening a point in time',
    { method: 'POST', path: `${indexPath(index)}/${api}?keep_alive=${PIT_KEEP_ALIVE}` },
    signal,
  );
  if (!result.ok) return { error: result.message };
  const id = cluster.pit === 'opensearch' ? result.body.pit_id : result.body.id;
  return typeof id === 'string'
    ? { id }
    : { error: 'opening a point in time failed: the answer holds no id' };
}

/**
 * Frees the point in time at once rather than at its keep-alive. Best effort: it expires anyway,
 * so a failure is not reported. Runs even after the source's signal aborted.
 */
export async function closePointInTime(client: EsClient, cluster: ClusterInfo, id: string): Promise<void> {
  const request =
    cluster.pit === 'opensearch'
      ? { method: 'DELETE' as const, path: '/_search/point_in_time', body: { pit_id: [id] } }
      : { method: 'DELETE' as const, path: '/_pit', body: { id } };
  await client.call('closing a point in time', request, AbortSignal.timeout(CLOSE_TIMEOUT_MS));
}

/** True when the index pattern matches no index at all (a search over it finds no shard). */
export async function matchesNoIndex(client: EsClient, index: string, signal: AbortSignal): Promise<boolean> {
  const result = await client.call(
    'search',
    { method: 'POST', path: `${indexPath(index)}/_search`, body: { size: 0, track_total_hits: false } },
    signal,
  );
  if (!result.ok) return false;
  const shards = result.body._shards;
  return typeof shards === 'object' && shards !== null && (shards as { total?: unknown }).total === 0;
}
