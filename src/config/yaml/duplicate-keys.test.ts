import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkDuplicateKeys } from './duplicate-keys.ts';

function check(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return checkDuplicateKeys({ file: 'k.yaml', doc, lineCounter });
}

describe('checkDuplicateKeys', () => {
  it('names the second of two equal keys, at any depth, in maps inside lists too', () => {
    const issues = check('a: 1\nb:\n  - { x: 1, x: 2 }\n  - c: 1\na: 2\n');
    const found = issues.map((issue) => [issue.line, issue.column, issue.message]);
    expect(found.sort()).toEqual([
      [3, 13, 'YAML: Map keys must be unique; `x` appears twice'],
      [5, 1, 'YAML: Map keys must be unique; `a` appears twice'],
    ]);
  });

  it('accepts equal keys in different maps', () => {
    expect(check('a: { k: 1 }\nb: { k: 1 }\n')).toEqual([]);
  });

  it('checks 32,000 keys in one map in linear time (the yaml package takes seconds)', () => {
    const text = Array.from({ length: 32_000 }, (_, i) => `k${i}: x`).join('\n') + '\nk7: y\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
    const started = performance.now();
    const issues = checkDuplicateKeys({ file: 'k.yaml', doc, lineCounter });
    expect(issues).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
