import { isObject } from '../../core/index.ts';
import type { Prefilter } from '../model.ts';
import { parseWhereKey } from './parse-key.ts';

/** Fields most likely to tell rules apart, best first: the index keys on the first one a rule has. */
const PREFERRED_FIELDS = ['event.code', 'event.action', 'event.category', 'event.dataset', 'event.module'];

/**
 * Derives a necessary condition from a `where` spec: a plain equality on one field (any of its
 * values), lowercased as the equality test compares. A list of maps (OR) yields one only when
 * every alternative constrains the same field. Undefined when the spec offers none.
 */
export function derivePrefilter(spec: unknown): Prefilter | undefined {
  if (Array.isArray(spec)) {
    const each = spec.map((alternative) => equalityConditions(alternative));
    const [first = [], ...others] = each;
    for (const field of orderFields(first.map((condition) => condition.field))) {
      const matching = each.map((conditions) => conditions.find((condition) => condition.field === field));
      if (others.length + 1 === matching.length && matching.every((condition) => condition !== undefined)) {
        return { field, values: [...new Set(matching.flatMap((condition) => condition?.values ?? []))] };
      }
    }
    return undefined;
  }
  const conditions = equalityConditions(spec);
  const [field] = orderFields(conditions.map((condition) => condition.field));
  return conditions.find((condition) => condition.field === field);
}

function equalityConditions(spec: unknown): Prefilter[] {
  if (!isObject(spec)) return [];
  const conditions: Prefilter[] = [];
  for (const [key, raw] of Object.entries(spec)) {
    const parsed = parseWhereKey(key);
    if ('error' in parsed || parsed.operator !== 'equals' || parsed.all) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length === 0 || !values.every(isScalar)) continue;
    conditions.push({ field: parsed.field, values: values.map((value) => String(value).toLowerCase()) });
  }
  return conditions;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function orderFields(fields: string[]): string[] {
  const rank = (field: string) => {
    const index = PREFERRED_FIELDS.indexOf(field);
    return index === -1 ? PREFERRED_FIELDS.length : index;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}
