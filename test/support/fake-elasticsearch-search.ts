import { FakeQueryError, matchesQuery, readPath, toMillis } from './fake-elasticsearch-query.ts';
import type { Source } from './fake-elasticsearch-query.ts';

/** One document as the fake holds it; `seq` is its place in indexing order (its `_doc`). */
export interface StoredDoc {
  _index: string;
  _id: string;
  _source: Source;
  seq: number;
}

/** An error answer shaped like Elasticsearch's: `{error: {root_cause, type, reason}, status}`. */
export class FakeEsError extends Error {
  override name = 'FakeEsError';
  constructor(
    readonly status: number,
    readonly type: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface SearchRules {
  /** The search runs in a point in time (`_shard_doc` allowed). */
  inPit: boolean;
  /** `_shard_doc` exists in this version (Elasticsearch 7.12+, OpenSearch 3.3+). */
  shardDoc: boolean;
  /** Sorting on `_id` is allowed (off by default from Elasticsearch 8.0). */
  idFielddata: boolean;
}

type SortKey = { field: string; descending: boolean };

/**
 * A search over `docs`: query, sort, search_after, size, track_total_hits and aggregations
 * (`terms` with size and min_doc_count; `composite` with terms sources, size and after).
 */
export function runSearch(docs: readonly StoredDoc[], body: Source, rules: SearchRules): Source {
  const matching = docs.filter((doc) => matchesQuery(doc._source, body.query));
  const keys = readSortKeys(body.sort, rules);
  const withSort = matching.map((doc) => ({ doc, sort: keys.map((key) => sortValue(doc, key.field)) }));
  withSort.sort((a, b) => compareSort(a.sort, b.sort, keys));
  let page = withSort;
  if (Array.isArray(body.search_after)) {
    if (keys.length === 0)
      throw new FakeEsError(400, 'illegal_argument_exception', 'Sort must contain at least one field.');
    const after = body.search_after as unknown[];
    page = withSort.filter((entry) => compareSort(entry.sort, after, keys) > 0);
  }
  const size = typeof body.size === 'number' ? body.size : 10;
  const hits = page.slice(0, size).map(({ doc, sort }) => ({
    _index: doc._index,
    _id: doc._id,
    _score: null,
    _source: doc._source,
    ...(keys.length > 0 ? { sort } : {}),
  }));
  const reply: Source = {
    took: 1,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: { ...countTotal(matching.length, body.track_total_hits), max_score: null, hits },
  };
  if (body.aggs !== undefined || body.aggregations !== undefined) {
    reply.aggregations = runAggregations(matching, (body.aggs ?? body.aggregations) as Source);
  }
  return reply;
}

function countTotal(count: number, track: unknown): Source {
  if (track === false) return {};
  const limit = track === true ? Infinity : typeof track === 'number' ? track : 10_000;
  return { total: { value: Math.min(count, limit), relation: count > limit ? 'gte' : 'eq' } };
}

function readSortKeys(sort: unknown, rules: SearchRules): SortKey[] {
  if (sort === undefined) return [];
  return (Array.isArray(sort) ? sort : [sort]).map((entry) => {
    const [field, spec] =
      typeof entry === 'string' ? [entry, 'asc'] : (Object.entries(entry as Source)[0] ?? []);
    if (typeof field !== 'string') throw new FakeQueryError('malformed sort');
    const order = typeof spec === 'string' ? spec : (spec as Source | undefined)?.order;
    if (field === '_shard_doc' && !rules.shardDoc) {
      throw new FakeEsError(
        400,
        'query_shard_exception',
        'No mapping found for [_shard_doc] in order to sort on',
      );
    }
    if (field === '_shard_doc' && !rules.inPit) {
      throw new FakeEsError(
        400,
        'illegal_argument_exception',
        '[_shard_doc] sort field cannot be used without [point in time]',
      );
    }
    if (field === '_id' && !rules.idFielddata) {
      throw new FakeEsError(
        400,
        'illegal_argument_exception',
        'Fielddata access on the _id field is disallowed, you can re-enable it by updating the dynamic cluster setting: indices.id_field_data.enabled',
      );
    }
    return { field, descending: order === 'desc' };
  });
}

/** Dates sort as epoch ms numbers (as Elasticsearch returns them), `_id` as text, missing last. */
function sortValue(doc: StoredDoc, field: string): unknown {
  if (field === '_id') return doc._id;
  if (field === '_shard_doc' || field === '_doc') return doc.seq;
  const value = readPath(doc._source, field);
  if (value === undefined || value === null) return null;
  return toMillis(value) ?? String(value);
}

function compareSort(a: readonly unknown[], b: readonly unknown[], keys: readonly SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return (keys[i] as SortKey).descending ? -order : order;
  }
  return 0;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function runAggregations(docs: readonly StoredDoc[], aggs: Source): Source {
  const out: Source = {};
  for (const [name, spec] of Object.entries(aggs)) {
    const s = spec as Source;
    if (s.terms !== undefined) out[name] = runTerms(docs, s.terms as Source);
    else if (s.composite !== undefined) out[name] = runComposite(docs, s.composite as Source);
    else throw new FakeEsError(400, 'parsing_exception', `the fake knows no aggregation in [${name}]`);
  }
  return out;
}

function runTerms(docs: readonly StoredDoc[], terms: Source): Source {
  const counts = countBy(docs, (doc) => {
    const value = readPath(doc._source, String(terms.field));
    return value === undefined || value === null ? [] : [value].flat();
  });
  const minCount = typeof terms.min_doc_count === 'number' ? terms.min_doc_count : 1;
  const size = typeof terms.size === 'number' ? terms.size : 10;
  const ranked = [...counts.values()]
    .filter((bucket) => bucket.count >= minCount)
    .sort((a, b) => b.count - a.count || compareValues(a.key, b.key));
  const shown = ranked.slice(0, size);
  const other = ranked.slice(size).reduce((sum, bucket) => sum + bucket.count, 0);
  return {
    doc_count_error_upper_bound: 0,
    sum_other_doc_count: other,
    buckets: shown.map((bucket) => ({ key: bucket.key, doc_count: bucket.count })),
  };
}

function runComposite(docs: readonly StoredDoc[], composite: Source): Source {
  for (const key of Object.keys(composite)) {
    if (!['size', 'sources', 'after'].includes(key)) {
      throw new FakeEsError(400, 'x_content_parse_exception', `[composite] unknown field [${key}]`);
    }
  }
  const sources = (composite.sources as Source[]).map((source) => {
    const [name, spec] = Object.entries(source)[0] as [string, Source];
    return { name, field: String((spec.terms as Source).field) };
  });
  const counts = countBy(docs, (doc) => {
    const values = sources.map((source) => readPath(doc._source, source.field));
    return values.some((value) => value === undefined || value === null) ? [] : [values];
  });
  const keyOf = (values: unknown[]) =>
    Object.fromEntries(sources.map((source, i) => [source.name, values[i]]));
  const ordered = [...counts.values()].sort((a, b) => compareTuples(a.key as unknown[], b.key as unknown[]));
  const after = composite.after as Source | undefined;
  const afterTuple = after === undefined ? undefined : sources.map((source) => after[source.name]);
  const rest =
    afterTuple === undefined
      ? ordered
      : ordered.filter((b) => compareTuples(b.key as unknown[], afterTuple) > 0);
  const size = typeof composite.size === 'number' ? composite.size : 10;
  const buckets = rest
    .slice(0, size)
    .map((bucket) => ({ key: keyOf(bucket.key as unknown[]), doc_count: bucket.count }));
  const last = buckets[buckets.length - 1];
  return { ...(last ? { after_key: last.key } : {}), buckets };
}

function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}

function countBy(
  docs: readonly StoredDoc[],
  keysOf: (doc: StoredDoc) => unknown[],
): Map<string, { key: unknown; count: number }> {
  const counts = new Map<string, { key: unknown; count: number }>();
  for (const doc of docs) {
    for (const key of keysOf(doc)) {
      const id = JSON.stringify(key);
      const bucket = counts.get(id) ?? { key, count: 0 };
      bucket.count++;
      counts.set(id, bucket);
    }
  }
  return counts;
}
