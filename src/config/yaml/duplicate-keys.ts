import { isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { ValidationIssue } from '../../core/index.ts';
import type { YamlSource } from './locate.ts';
import { positionOf } from './locate.ts';

/**
 * Keys that appear twice in one map, each as an issue at the second one. The `yaml` package's own
 * check compares every key with every other (16,000 keys took 2.7 s), so files are parsed with
 * `uniqueKeys: false` and checked here with one set per map, without recursion.
 */
export function checkDuplicateKeys(source: YamlSource): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: unknown[] = [source.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && seen.has(key)) issues.push(duplicateIssue(source, pair.key as Node, key));
        if (key !== undefined) seen.add(key);
        if (isNode(pair.value)) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (isNode(item)) stack.push(item);
    }
  }
  return issues;
}

function duplicateIssue(source: YamlSource, key: Node, name: string): ValidationIssue {
  const position = positionOf(source, key);
  return {
    file: source.file,
    line: position?.line ?? 1,
    column: position?.column ?? 1,
    message: `YAML: Map keys must be unique; \`${name}\` appears twice`,
  };
}
