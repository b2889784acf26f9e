import { formatIssue } from '../core/index.ts';
import type { ValidationIssue } from '../core/index.ts';
import { loadRulesFromPaths } from './load-rules.ts';
import { formatSigmaReport } from './sigma/index.ts';
import type { SigmaLoadReport } from './sigma/index.ts';

export interface RulesCheck {
  ok: boolean;
  ruleCount: number;
  issues: ValidationIssue[];
  /** Present when Sigma files were checked: how many load, and each refused one with its reason. */
  sigma?: SigmaLoadReport;
  /** Printable: `12 rules OK`, or one `file:line:col: field: message` line per issue and a summary. */
  text: string;
}

/**
 * Validates rule files for `klaxon rules check`. Throws InputError for unreadable paths.
 * A refused Sigma rule (a construct Klaxon cannot run) makes the check fail too.
 */
export async function checkRules(paths: readonly string[]): Promise<RulesCheck> {
  const { rules, issues, sigma } = await loadRulesFromPaths(paths);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const sigmaLines = sigma ? formatSigmaReport(sigma) : [];
  const ok = issues.length === 0 && (sigma?.refused.length ?? 0) === 0;
  const result = { ok, ruleCount: rules.length, issues, ...(sigma && { sigma }) };
  const refused =
    sigma && sigma.refused.length > 0 ? `; ${plural(sigma.refused.length, 'Sigma rule')} refused` : '';
  if (issues.length === 0) {
    return { ...result, text: [...sigmaLines, `${plural(rules.length, 'rule')} OK${refused}`].join('\n') };
  }
  const files = new Set(issues.map((issue) => issue.file)).size;
  const summary = `${plural(issues.length, 'issue')} in ${plural(files, 'file')}; ${plural(rules.length, 'rule')} OK${refused}`;
  return { ...result, text: [...issues.map(formatIssue), ...sigmaLines, summary].join('\n') };
}
