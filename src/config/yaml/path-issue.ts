import type { ValidationIssue } from '../../core/index.ts';
import { locate } from './locate.ts';
import type { NodePath, YamlSource } from './locate.ts';
import type { Node } from 'yaml';
import { formatFieldPath } from './format-field-path.ts';

export { formatFieldPath };

/** A mistake at a path inside one rule, before it is given a line and column. */
export interface PathIssue {
  path: NodePath;
  /** Point at the key (unknown fields) rather than the value. */
  part?: 'key' | 'value';
  message: string;
}

export function placeIssue(source: YamlSource, root: Node, issue: PathIssue): ValidationIssue {
  const position = locate(source, root, issue.path, issue.part);
  const field = formatFieldPath(issue.path);
  return {
    file: source.file,
    ...(position && { line: position.line, column: position.column }),
    ...(field !== '' && { field }),
    message: issue.message,
  };
}
