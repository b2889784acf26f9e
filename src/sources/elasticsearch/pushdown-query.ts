import { isObject } from '../../core/index.ts';
import type { PushdownSpec } from './resolve-settings.ts';

/** One group that crossed the threshold: its value per `group_by` field, and its count. */
export interface PushdownGroup {
  values: Record<string, unknown>;
  count: number;
}

const AGGREGATION = 'groups';

/**
 * The aggregation that counts matches per group. One key: a `terms` aggregation whose
 * `min_doc_count` keeps only groups at the threshold, the `size` largest groups at most. Several
 * keys: a `composite` aggregation paged with `after` (it has no `min_doc_count`, so small groups
 * are dropped here); its sources are named `g0`, `g1`, ... so any field name is safe.
 */
export function buildPushdownAggregation(
  spec: PushdownSpec,
  size: number,
  after: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (spec.groupBy.length === 1) {
    return { [AGGREGATION]: { terms: { field: spec.groupBy[0], size, min_doc_count: spec.threshold } } };
  }
  const sources = spec.groupBy.map((field, i) => ({ [`g${i}`]: { terms: { field } } }));
  return { [AGGREGATION]: { composite: { size, sources, ...(after ? { after } : {}) } } };
}

export interface PushdownPage {
  groups: PushdownGroup[];
  /** Where the next composite page starts; undefined when there is none. */
  after: Record<string, unknown> | undefined;
}

/** The groups at or above the threshold in one answer's `aggregations`. */
export function readPushdownPage(
  spec: PushdownSpec,
  aggregations: Record<string, unknown> | undefined,
): PushdownPage | { error: string } {
  const aggregation = aggregations?.[AGGREGATION];
  if (!isObject(aggregation) || !Array.isArray(aggregation.buckets)) {
    return { error: 'aggregation failed: the answer holds no aggregations.groups.buckets' };
  }
  const groups: PushdownGroup[] = [];
  for (const bucket of aggregation.buckets) {
    if (!isObject(bucket) || typeof bucket.doc_count !== 'number') continue;
    if (bucket.doc_count < spec.threshold) continue;
    const values = readBucketValues(spec, bucket);
    if (values) groups.push({ values, count: bucket.doc_count });
  }
  // A composite page with buckets names the next one in `after_key`; an empty page ends the list.
  const more = spec.groupBy.length > 1 && aggregation.buckets.length > 0 && isObject(aggregation.after_key);
  return { groups, after: more ? (aggregation.after_key as Record<string, unknown>) : undefined };
}

function readBucketValues(
  spec: PushdownSpec,
  bucket: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (spec.groupBy.length === 1) {
    // Dates and booleans come as numbers with their text beside them: the text is what a rule compares.
    const value = bucket.key_as_string ?? bucket.key;
    return value === undefined ? undefined : { [spec.groupBy[0] as string]: value };
  }
  if (!isObject(bucket.key)) return undefined;
  const key = bucket.key;
  return Object.fromEntries(spec.groupBy.map((field, i) => [field, key[`g${i}`]]));
}
