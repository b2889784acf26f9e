import { ValidationError } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { loadRulesFromPaths } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';

/** The rules at `paths`, or the shipped pack when none are named; any mistake is a ValidationError. */
export async function loadRules(paths: readonly string[] | undefined): Promise<Rule[]> {
  const { rules, issues } = await loadRulesFromPaths(
    paths && paths.length > 0 ? [...paths] : [BUILTIN_RULES_DIR],
  );
  if (issues.length > 0) throw new ValidationError(issues);
  return rules;
}
