import { formatIssue } from '../core/index.ts';
import type { ValidationIssue } from '../core/index.ts';
import { loadRulesFromPaths } from './load-rules.ts';

export interface RulesCheck {
  ok: boolean;
  ruleCount: number;
  issues: ValidationIssue[];
  /** Printable: `12 rules OK`, or one `file:line:col: field: message` line per issue and a summary. */
  text: string;
}

/** Validates rule files for `klaxon rules check`. Throws InputError for unreadable paths. */
export async function checkRules(paths: readonly string[]): Promise<RulesCheck> {
  const { rules, issues } = await loadRulesFromPaths(paths);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (issues.length === 0) {
    return { ok: true, ruleCount: rules.length, issues, text: `${plural(rules.length, 'rule')} OK` };
  }
  const files = new Set(issues.map((issue) => issue.file)).size;
  const summary = `${plural(issues.length, 'issue')} in ${plural(files, 'file')}; ${plural(rules.length, 'rule')} OK`;
  return {
    ok: false,
    ruleCount: rules.length,
    issues,
    text: [...issues.map(formatIssue), summary].join('\n'),
  };
}
