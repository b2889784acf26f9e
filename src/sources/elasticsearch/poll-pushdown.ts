import type { PollContext, PollOutcome } from './poll-documents.ts';
import { buildPushdownDocument } from './pushdown-document.ts';
import { buildPushdownAggregation, readPushdownPage } from './pushdown-query.ts';
import { readSearchPage } from './read-search-page.ts';
import type { PushdownSpec } from './resolve-settings.ts';
import { buildRangeQuery, indexPath } from './search-request.ts';

/** What a pushdown source checkpoints: only when it last counted (nothing needs resuming). */
export interface PushdownPosition {
  counted_at: number;
}

/**
 * One pushdown poll: for each aggregation, counts the matches of the trailing window per group in
 * the cluster (`size: 0`, no documents fetched) and delivers one synthetic document per group at
 * or over the threshold; all groups of one aggregation go in one batch.
 */
export async function pollPushdown(context: PollContext): Promise<PollOutcome> {
  const to = context.now();
  for (const spec of context.settings.pushdown) {
    const window = { from: to - spec.windowMs, to };
    const documents = await countGroups(context, spec, window);
    if ('error' in documents) return { kind: 'failed', message: documents.error };
    const position: PushdownPosition = { counted_at: to };
    await context.sink.deliver({ kind: 'documents', documents, position });
  }
  return { kind: 'done', lag: undefined };
}

async function countGroups(
  context: PollContext,
  spec: PushdownSpec,
  window: { from: number; to: number },
): Promise<Record<string, unknown>[] | { error: string }> {
  const { settings } = context;
  const query = buildRangeQuery(settings, window.from, window.to);
  const documents: Record<string, unknown>[] = [];
  let after: Record<string, unknown> | undefined;
  do {
    const body = {
      size: 0,
      track_total_hits: false,
      query,
      aggs: buildPushdownAggregation(spec, settings.pageSize, after),
    };
    const result = await context.client.call(
      'aggregation',
      { method: 'POST', path: `${indexPath(settings.index)}/_search`, body },
      context.signal,
    );
    if (!result.ok) return { error: result.message };
    const page = readSearchPage(result.body);
    if ('error' in page) return page;
    const groups = readPushdownPage(spec, page.aggregations);
    if ('error' in groups) return groups;
    for (const group of groups.groups) documents.push(buildPushdownDocument(spec, group, window));
    after = groups.after;
  } while (after !== undefined);
  return documents;
}
