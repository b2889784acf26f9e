import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { readSchemaKeys } from './schema-keys.ts';

describe('readSchemaKeys', () => {
  it('reads the keys of an object through refinements, transforms and defaults', () => {
    const schema = z
      .object({ a: z.string(), b: z.number().default(1) })
      .strict()
      .superRefine(() => {})
      .transform((value) => value)
      .default({ a: 'x', b: 1 });
    expect([...readSchemaKeys(schema)]).toEqual(['a', 'b']);
  });

  it('joins the keys of intersections and unions', () => {
    const both = z.intersection(
      z.object({ a: z.string() }),
      z.union([z.object({ b: z.string() }), z.object({ c: z.string() })]),
    );
    expect([...readSchemaKeys(both)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('has no keys for a schema that is not an object', () => {
    expect(readSchemaKeys(z.record(z.string(), z.string())).size).toBe(0);
  });
});
