import { describe, expect, it } from 'vitest';
import { buildFieldTrie } from './field-trie.ts';
import { compileProjection, projectFields } from './project-fields.ts';

describe('projectFields', () => {
  it('copies the named fields only, sharing their values', () => {
    const list = [{ a: 1 }];
    const from = { a: { b: 1, c: 2 }, list, keep: { x: { y: 1 } }, other: 3, scalar: 'text' };
    const into = projectFields(
      from,
      compileProjection(buildFieldTrie(['a.b', 'list.a', 'keep', 'scalar.z', 'missing.q'])),
      {},
    );
    expect(into).toEqual({ a: { b: 1 }, list, keep: from.keep, scalar: 'text' });
    expect(into.list).toBe(list);
    expect(into.keep).toBe(from.keep);
  });

  it('keeps a `__proto__` field as a field, and reads no inherited one', () => {
    const from = JSON.parse('{"__proto__":{"n":5,"m":6},"k":1}') as Record<string, unknown>;
    const into = projectFields(
      from,
      compileProjection(buildFieldTrie(['__proto__.n', 'toString', 'k', 'toJSON'])),
      {},
    );
    expect(Object.getPrototypeOf(into)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(into, '__proto__')?.value).toEqual({ n: 5 });
    expect(Object.keys(into)).toEqual(['__proto__', 'k']);
  });
});
