import type * as z from 'zod';

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  in?: z.ZodType;
  innerType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  options?: readonly z.ZodType[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/**
 * The field names an object schema accepts, seen through refinements, transforms, defaults,
 * intersections and unions; empty when the schema is not an object.
 */
export function readSchemaKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  collectKeys(schema, keys);
  return keys;
}

function collectKeys(schema: z.ZodType | undefined, keys: Set<string>): void {
  if (!schema) return;
  const def = schema._zod.def as Def;
  if (def.type === 'object') {
    for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  } else if (def.type === 'pipe') {
    collectKeys(def.in, keys);
  } else if (WRAPPERS.has(def.type)) {
    collectKeys(def.innerType, keys);
  } else if (def.type === 'intersection') {
    collectKeys(def.left, keys);
    collectKeys(def.right, keys);
  } else if (def.type === 'union') {
    for (const option of def.options ?? []) collectKeys(option, keys);
  }
}
