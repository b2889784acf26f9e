import { isObject } from '../core/index.ts';
import type { Rule } from './model.ts';
import { parseWhereKey } from './where/parse-key.ts';

/** The fields a `where` spec (a map of `field|modifier: value`, or a list of such maps) reads. */
export function whereFields(spec: unknown): string[] {
  if (Array.isArray(spec)) return spec.flatMap(whereFields);
  if (!isObject(spec)) return [];
  return Object.keys(spec).flatMap((key) => {
    const parsed = parseWhereKey(key);
    return 'error' in parsed ? [] : [parsed.field];
  });
}

/**
 * Every field the enabled rules read, sorted: what an event must hold for detection to see it as
 * the whole event. Undefined when a rule does not say (one built without the loader).
 */
export function fieldsReadByRules(rules: readonly Rule[]): string[] | undefined {
  const fields = new Set<string>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.reads === undefined) return undefined;
    for (const field of rule.reads) fields.add(field);
  }
  return [...fields].sort();
}
