import { isObject } from '../core/index.ts';
import type { RuleType } from './model.ts';
import type { PathIssue } from '../config/index.ts';

const MISSING = 'required field is missing';

/** Checks that span several fields, on the rule as written (so they run even when zod found mistakes). */
export function checkRuleRelations(input: Record<string, unknown>, type: RuleType): PathIssue[] {
  const issues: PathIssue[] = [];
  if (type !== 'sequence' && input.where === undefined) issues.push({ path: ['where'], message: MISSING });
  if (type === 'sequence') issues.push(...checkSequence(input));
  issues.push(...checkResolve(input));
  const groupBy = readGroupBy(input.group_by);
  if (type === 'cardinality' && typeof input.distinct === 'string' && groupBy.includes(input.distinct)) {
    const message = `\`${input.distinct}\` is also in group_by, so each group would hold one distinct value`;
    issues.push({ path: ['distinct'], message });
  }
  if (type === 'absence' && Array.isArray(input.expect)) issues.push(...checkExpect(input.expect, groupBy));
  return issues;
}

function checkSequence(input: Record<string, unknown>): PathIssue[] {
  const issues: PathIssue[] = [];
  if (input.window !== undefined && input.within !== undefined) {
    issues.push({
      path: ['within'],
      part: 'key',
      message: '`within` is an alias of `window`; give only one',
    });
  } else if (input.window === undefined && input.within === undefined) {
    issues.push({ path: ['window'], message: `${MISSING} (or its alias \`within\`)` });
  }
  if (!Array.isArray(input.steps)) return issues;
  const names = new Map<string, number>();
  input.steps.forEach((step: unknown, index) => {
    if (!isObject(step)) return;
    if (step.where === undefined) issues.push({ path: ['steps', index, 'where'], message: MISSING });
    if (typeof step.name !== 'string') return;
    const first = names.get(step.name);
    if (first === undefined) names.set(step.name, index);
    else
      issues.push({
        path: ['steps', index, 'name'],
        message: `step name \`${step.name}\` is already used by steps[${first}]`,
      });
  });
  return issues;
}

function checkExpect(expect: unknown[], groupBy: string[]): PathIssue[] {
  const wanted = [...groupBy].sort().join(', ');
  const issues: PathIssue[] = [];
  expect.forEach((entry, index) => {
    if (!isObject(entry)) return;
    const keys = Object.keys(entry).sort().join(', ');
    if (keys !== wanted) {
      const message = `keys must be the group_by fields (${wanted || 'none'}), got (${keys || 'none'})`;
      issues.push({ path: ['expect', index], message });
    }
  });
  return issues;
}

function readGroupBy(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `auto_resolve_after` is the newer name of `resolve_after`, and a manual rule never resolves itself. */
function checkResolve(input: Record<string, unknown>): PathIssue[] {
  if (input.resolve_after !== undefined && input.auto_resolve_after !== undefined) {
    const message = '`auto_resolve_after` is an alias of `resolve_after`; give only one';
    return [{ path: ['auto_resolve_after'], part: 'key', message }];
  }
  if (input.resolve === 'manual' && input.auto_resolve_after !== undefined) {
    const message =
      'a `resolve: manual` incident is resolved only by a person; use `resolve_after` for when the burst ends';
    return [{ path: ['auto_resolve_after'], part: 'key', message }];
  }
  return [];
}
