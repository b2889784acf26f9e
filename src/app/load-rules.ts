import type { LoadRulesOptions, Rule } from '../rules/index.ts';
import { unpackRules } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';

export interface AppRulesOptions extends LoadRulesOptions {
  /** The shipped pack compiled by the build `build` (a RulePack as read from JSON), tried first. */
  pack?: { rules: unknown; build: string } | undefined;
}

/**
 * The rules at `paths`, or the shipped pack when none are named; any mistake is a ValidationError.
 * Sigma rules Klaxon cannot run are left out, not fatal; `warn` gets how many load.
 */
export async function loadRules(
  paths: readonly string[] | undefined,
  warn?: (line: string) => void,
  options: AppRulesOptions = {},
): Promise<Rule[]> {
  const named = paths !== undefined && paths.length > 0;
  const { pack, ...rest } = options;
  const packed = !named && pack ? await unpackRules(pack.rules, BUILTIN_RULES_DIR, pack.build) : undefined;
  if (packed) return packed;
  // The YAML parser and the rule schemas load only here: a replay with a current pack needs neither.
  const { loadRuleFiles } = await import('./load-rule-files.ts');
  return loadRuleFiles(named ? paths : [BUILTIN_RULES_DIR], warn, rest);
}
