import type { ValidationIssue } from '../core/index.ts';
import type { Rule } from './model.ts';
import type { LocatedRule } from './parse-rules-text.ts';

/** Keeps the first rule of each id; every later one becomes an issue naming the first place. */
export function dropDuplicateIds(located: readonly LocatedRule[]): {
  rules: Rule[];
  issues: ValidationIssue[];
} {
  const firstById = new Map<string, LocatedRule>();
  const rules: Rule[] = [];
  const issues: ValidationIssue[] = [];
  for (const entry of located) {
    const { rule, idAt } = entry;
    const first = firstById.get(rule.id);
    if (!first) {
      firstById.set(rule.id, entry);
      rules.push(rule);
      continue;
    }
    const firstPlace = `${first.rule.source.file}:${first.idAt?.line ?? first.rule.source.line}`;
    issues.push({
      file: rule.source.file,
      line: idAt?.line ?? rule.source.line,
      ...(idAt && { column: idAt.column }),
      field: 'id',
      message: `duplicate rule id \`${rule.id}\`; first defined at ${firstPlace}`,
    });
  }
  return { rules, issues };
}
