import type { KlaxonConfig } from '../config/index.ts';
import { ValidationError, type ValidationIssue } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { loadRulesFromPaths, summarizeSigmaReport } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';

type RuleConfig = Pick<KlaxonConfig, 'rules' | 'builtinRules'> &
  Partial<Pick<KlaxonConfig, 'file' | 'rulesEnabled' | 'rulesDisabled' | 'sigmaPlaceholders'>>;

/**
 * The rules klaxon.yaml names (`rules:`), plus the shipped pack unless `builtin_rules: false`,
 * switched on or off by `rules_enabled:` and `rules_disabled:`.
 */
export async function loadConfiguredRules(
  config: RuleConfig,
  warn?: (line: string) => void,
): Promise<Rule[]> {
  const paths = [...(config.builtinRules ? [BUILTIN_RULES_DIR] : []), ...config.rules];
  if (paths.length === 0) return [];
  const { rules, issues, sigma } = await loadRulesFromPaths(paths, {
    sigma: { placeholders: config.sigmaPlaceholders ?? {} },
  });
  if (issues.length > 0) throw new ValidationError(issues);
  // Sigma rules Klaxon cannot run are left out with their reason; the others still run.
  if (sigma && warn) warn(summarizeSigmaReport(sigma));
  return applyRuleSwitches(rules, config);
}

function applyRuleSwitches(rules: Rule[], config: RuleConfig): Rule[] {
  const switches = new Map<string, boolean>();
  for (const id of config.rulesEnabled ?? []) switches.set(id, true);
  for (const id of config.rulesDisabled ?? []) switches.set(id, false);
  const known = new Set(rules.map((rule) => rule.id));
  const issues: ValidationIssue[] = [];
  for (const [id, enabled] of switches) {
    if (known.has(id)) continue;
    issues.push({
      file: config.file ?? 'klaxon.yaml',
      field: enabled ? 'rules_enabled' : 'rules_disabled',
      message: `no rule with id \`${id}\` is loaded`,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rules.map((rule) => {
    const enabled = switches.get(rule.id);
    return enabled === undefined || enabled === rule.enabled ? rule : { ...rule, enabled };
  });
}
