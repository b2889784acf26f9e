import { isMap, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { RuleType } from './model.ts';
import { formatSuggestion, readKey } from '../config/index.ts';
import type { PathIssue } from '../config/index.ts';
import { ALL_FIELDS, STEP_FIELDS, TYPE_FIELDS } from './schema.ts';

/** Unknown fields, and fields of another rule type (`distinct` on a threshold rule). */
export function checkRuleKeys(rule: YAMLMap, type: RuleType | undefined): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const pair of rule.items) {
    const key = readKey(pair.key);
    const types = TYPE_FIELDS[key];
    if (!ALL_FIELDS.includes(key)) {
      issues.push({
        path: [key],
        part: 'key',
        message: `unknown field \`${key}\`${formatSuggestion(key, ALL_FIELDS)}`,
      });
    } else if (types && type && !types.includes(type)) {
      issues.push({
        path: [key],
        part: 'key',
        message: `\`${key}\` applies only to ${types.join(' and ')} rules`,
      });
    }
    if (key === 'steps' && type === 'sequence') issues.push(...checkStepKeys(pair.value));
  }
  return issues;
}

function checkStepKeys(steps: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isSeq(steps)) return issues;
  steps.items.forEach((step, index) => {
    if (!isMap(step)) return;
    for (const pair of step.items) {
      const key = readKey(pair.key);
      if (!STEP_FIELDS.includes(key)) {
        const message = `unknown field \`${key}\` in a step${formatSuggestion(key, STEP_FIELDS)}`;
        issues.push({ path: ['steps', index, key], part: 'key', message });
      }
    }
  });
  return issues;
}
