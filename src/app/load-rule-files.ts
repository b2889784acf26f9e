import { ValidationError } from '../core/index.ts';
import type { LoadRulesOptions, Rule } from '../rules/index.ts';
import { loadRulesFromPaths, summarizeSigmaReport } from '../rules/index.ts';

/**
 * The rules at `paths` read from their YAML; any mistake is a ValidationError.
 * Sigma rules Klaxon cannot run are left out, not fatal; `warn` gets how many load.
 */
export async function loadRuleFiles(
  paths: readonly string[],
  warn?: (line: string) => void,
  options: LoadRulesOptions = {},
): Promise<Rule[]> {
  const { rules, issues, sigma } = await loadRulesFromPaths(paths, options);
  if (issues.length > 0) throw new ValidationError(issues);
  if (sigma && warn) warn(summarizeSigmaReport(sigma));
  return rules;
}
