import type { Node } from 'yaml';
import type { ValidationIssue } from '../core/index.ts';
import type { EventPredicate } from './model.ts';
import { formatFieldPath, locate, lookupNode, positionOf } from '../config/index.ts';
import type { NodePath, YamlSource } from '../config/index.ts';
import { compileWhere } from './where/compile-where.ts';
import { convertWhereNode } from './yaml/to-where-spec.ts';

/**
 * Compiles the filter at `path` of a rule (`where`, `unless`, `steps[1].where`), with issues placed
 * at the exact key or value. Returns undefined when the rule has no such field.
 */
export function compileRuleWhere(
  source: YamlSource,
  rule: Node,
  path: NodePath,
): { predicate: EventPredicate; issues: ValidationIssue[]; spec: unknown } | undefined {
  const found = lookupNode(source, rule, path);
  if (!found.key) return undefined;
  const node = found.value;
  const position = positionOf(source, node ?? found.key);
  const spec = node ? convertWhereNode(node, source.doc) : null;
  const compiled = compileWhere(spec, {
    file: source.file,
    field: formatFieldPath(path),
    ...(position && { line: position.line, column: position.column }),
    locate: (subPath, part) => (node ? locate(source, node, subPath, part) : position),
  });
  return { ...compiled, spec };
}
