import type { PathIssue } from '../yaml/path-issue.ts';

export interface RuleSwitchSettings {
  /** Rule ids to switch on although their file says `enabled: false` (e.g. `log-source-silent`). */
  rulesEnabled: string[];
  /** Rule ids to switch off. */
  rulesDisabled: string[];
}

const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * `rules_enabled:` and `rules_disabled:`, lists of rule ids, so a shipped rule is switched without
 * copying it (a copy would clash with the original's id). Whether each id exists is checked when
 * the rules are loaded.
 */
export function readRuleSwitches(
  enabled: unknown,
  disabled: unknown,
  issues: PathIssue[],
): RuleSwitchSettings {
  const rulesEnabled = readIds(enabled, 'rules_enabled', issues);
  const rulesDisabled = readIds(disabled, 'rules_disabled', issues);
  for (const [index, id] of rulesDisabled.entries()) {
    if (rulesEnabled.includes(id))
      issues.push({ path: ['rules_disabled', index], message: `\`${id}\` is also in rules_enabled` });
  }
  return { rulesEnabled, rulesDisabled };
}

function readIds(value: unknown, key: string, issues: PathIssue[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ path: [key], message: 'expected a list of rule ids, e.g. [log-source-silent]' });
    return [];
  }
  const ids: string[] = [];
  for (const [index, id] of value.entries()) {
    if (typeof id === 'string' && RULE_ID.test(id)) ids.push(id);
    else issues.push({ path: [key, index], message: 'expected a rule id like `log-source-silent`' });
  }
  return ids;
}
