import { stat } from 'node:fs/promises';
import { resolveFrom } from '../resolve-paths.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

export interface RuleSettings {
  rules: string[];
  builtinRules: boolean;
}

/**
 * `rules:` (a path or a list of paths to rule files and folders, each of which must exist) and
 * `builtin_rules:` (default true: the shipped pack is loaded besides them).
 */
export async function readRuleSettings(
  rules: unknown,
  builtin: unknown,
  baseDir: string,
  issues: PathIssue[],
): Promise<RuleSettings> {
  const settings: RuleSettings = { rules: [], builtinRules: true };
  if (builtin !== undefined && builtin !== null) {
    if (typeof builtin === 'boolean') settings.builtinRules = builtin;
    else issues.push({ path: ['builtin_rules'], message: 'expected `true` or `false`' });
  }
  const entries: [unknown, NodePath][] = Array.isArray(rules)
    ? rules.map((path, index) => [path, ['rules', index]])
    : rules === undefined || rules === null
      ? []
      : [[rules, ['rules']]];
  for (const [path, at] of entries) {
    if (typeof path !== 'string' || path === '') {
      issues.push({ path: at, message: 'expected the path of a rule file or folder' });
      continue;
    }
    const absolute = resolveFrom(baseDir, path);
    const problem = await stat(absolute).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code ?? 'error',
    );
    if (problem === undefined) settings.rules.push(absolute);
    else issues.push({ path: at, message: `cannot read ${absolute} (${problem})` });
  }
  if (!settings.builtinRules && entries.length === 0) {
    const message = 'with `builtin_rules: false` and no `rules:`, no rule would ever fire';
    issues.push({ path: ['builtin_rules'], message });
  }
  return settings;
}
