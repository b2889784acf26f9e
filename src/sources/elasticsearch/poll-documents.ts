import type { SourceSink } from '../source.ts';
import type { ClusterInfo } from './detect-cluster.ts';
import type { EsClient } from './es-client.ts';
import { closePointInTime, matchesNoIndex, openPointInTime } from './point-in-time.ts';
import type { PositionTracker } from './position.ts';
import { readHitTime, readSearchPage } from './read-search-page.ts';
import type { EsHit } from './read-search-page.ts';
import type { EsSettings } from './resolve-settings.ts';
import { buildPageSearch, buildRangeQuery } from './search-request.ts';

export interface PollContext {
  client: EsClient;
  cluster: ClusterInfo;
  settings: EsSettings;
  sink: SourceSink;
  signal: AbortSignal;
  now: () => number;
}

export type PollOutcome = { kind: 'done'; lag: number | undefined } | { kind: 'failed'; message: string };

/**
 * One poll: every matching document with its timestamp in `[from, now]`, page by page in
 * timestamp order (`from` is the tracker's: the previous poll's upper bound minus the overlap).
 * Each page goes to the sink as one batch of hits, minus those delivered before, with the position
 * after it. The last page's batch is delivered even when empty: it carries the position that ends
 * the poll. Between pages, `from` moves up to the last hit's time (never past `now - overlap`), so
 * the ids to remember stay few even when a long backlog is read.
 */
export async function pollDocuments(context: PollContext, tracker: PositionTracker): Promise<PollOutcome> {
  const { client, cluster, settings, signal } = context;
  const upper = context.now();
  const settled = upper - settings.overlapMs;
  const query = buildRangeQuery(settings, tracker.from, upper);
  let pitId: string | undefined;
  if (cluster.pit !== undefined) {
    const opened = await openPointInTime(client, cluster, settings.index, signal);
    if ('error' in opened) {
      // OpenSearch (2.19) refuses a point in time on a pattern no index matches yet ("invalid id: [null]").
      if (!(await matchesNoIndex(client, settings.index, signal)))
        return { kind: 'failed', message: opened.error };
      tracker.advance(settled);
      await context.sink.deliver({ kind: 'documents', documents: [], position: tracker.snapshot() });
      return { kind: 'done', lag: 0 };
    }
    pitId = opened.id;
  }
  try {
    let searchAfter: unknown[] | undefined;
    let total: number | undefined;
    let read = 0;
    for (;;) {
      const result = await client.call(
        'search',
        buildPageSearch(cluster, settings, { query, pitId, searchAfter }),
        signal,
      );
      if (!result.ok) return { kind: 'failed', message: result.message };
      const page = readSearchPage(result.body);
      if ('error' in page) return { kind: 'failed', message: page.error };
      pitId = page.pitId ?? pitId;
      total ??= page.total;
      read += page.hits.length;
      const lag = total === undefined ? undefined : Math.max(0, total - read);
      const documents = page.hits.filter((hit) => tracker.accept(hit._id, readHitTime(hit) ?? tracker.from));
      const lastHit = page.hits[page.hits.length - 1];
      const finished = page.hits.length < settings.pageSize || lastHit === undefined;
      tracker.advance(finished ? settled : Math.min(readHitTime(lastHit) ?? tracker.from, settled));
      if (documents.length > 0 || finished) {
        await context.sink.deliver({ kind: 'documents', documents, position: tracker.snapshot() });
      }
      if (finished) return { kind: 'done', lag };
      context.sink.status({ state: 'catching-up', watermark: tracker.from, ...lagOf(lag) });
      searchAfter = (lastHit as EsHit).sort;
    }
  } finally {
    if (pitId !== undefined) await closePointInTime(client, cluster, pitId);
  }
}

export function lagOf(lag: number | undefined): { lag?: { value: number; unit: 'documents' } } {
  return lag === undefined ? {} : { lag: { value: lag, unit: 'documents' } };
}
