import { ValidationError } from '../core/index.ts';
import type { LoadRulesOptions, Rule } from '../rules/index.ts';
import { loadRulesFromPaths, summarizeSigmaReport } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';

/**
 * The rules at `paths`, or the shipped pack when none are named; any mistake is a ValidationError.
 * Sigma rules Klaxon cannot run are left out, not fatal; `warn` gets how many load.
 */
export async function loadRules(
  paths: readonly string[] | undefined,
  warn?: (line: string) => void,
  options: LoadRulesOptions = {},
): Promise<Rule[]> {
  const { rules, issues, sigma } = await loadRulesFromPaths(
    paths && paths.length > 0 ? [...paths] : [BUILTIN_RULES_DIR],
    options,
  );
  if (issues.length > 0) throw new ValidationError(issues);
  if (sigma && warn) warn(summarizeSigmaReport(sigma));
  return rules;
}
