import { isObject } from '../../core/index.ts';
import { parseWhereKey } from './parse-key.ts';

/** The event fields a `where` (or `unless`) spec reads: a map's keys, over every map of a list. */
export function whereFields(spec: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(spec)) for (const item of spec) whereFields(item, into);
  else if (isObject(spec))
    for (const key of Object.keys(spec)) {
      const parsed = parseWhereKey(key);
      if (!('error' in parsed)) into.add(parsed.field);
    }
  return into;
}
