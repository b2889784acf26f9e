import type { Rule } from '../rules/index.ts';

/**
 * What a rule's saved window state depends on. A snapshot taken under another fingerprint (the
 * rule was edited between runs) is not restored for that rule: its windows start empty instead
 * of being read with the wrong meaning.
 */
export function ruleFingerprint(rule: Rule): string {
  return JSON.stringify([
    rule.type,
    rule.groupBy,
    rule.windowMs,
    rule.type === 'threshold' || rule.type === 'cardinality' ? rule.threshold : null,
    rule.type === 'cardinality' ? rule.distinct : null,
    rule.type === 'sequence' ? rule.steps.map((step) => step.count) : null,
    // Ordered and unordered steps keep different states.
    rule.type === 'sequence' && rule.unordered ? rule.unordered.required : null,
  ]);
}
