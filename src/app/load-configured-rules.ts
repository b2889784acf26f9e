import type { KlaxonConfig } from '../config/index.ts';
import { ValidationError } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { loadRulesFromPaths } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';

/** The rules klaxon.yaml names (`rules:`), plus the shipped pack unless `builtin_rules: false`. */
export async function loadConfiguredRules(
  config: Pick<KlaxonConfig, 'rules' | 'builtinRules'>,
): Promise<Rule[]> {
  const paths = [...(config.builtinRules ? [BUILTIN_RULES_DIR] : []), ...config.rules];
  if (paths.length === 0) return [];
  const { rules, issues } = await loadRulesFromPaths(paths);
  if (issues.length > 0) throw new ValidationError(issues);
  return rules;
}
