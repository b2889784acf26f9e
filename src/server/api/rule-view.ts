import type { Confidence, Priority, Severity } from '../../core/index.ts';
import type { Rule } from '../../rules/index.ts';
import { priorityOf } from '../../triage/index.ts';

/** A rule as the dashboard lists it. */
export interface RuleView {
  id: string;
  title: string;
  type: Rule['type'];
  enabled: boolean;
  severity: Severity;
  confidence: Confidence;
  priority: Priority;
  /** Threshold and cardinality rules. */
  threshold?: number;
  /** Milliseconds: the sliding window (sequence: the span of the steps; absence: the silence that counts). */
  window?: number;
  groupBy: string[];
  attack: string[];
  description?: string;
}

export function toRuleView(rule: Rule, enabled: boolean): RuleView {
  const view: RuleView = {
    id: rule.id,
    title: rule.title,
    type: rule.type,
    enabled,
    severity: rule.severity,
    confidence: rule.confidence,
    priority: priorityOf(rule.severity, rule.confidence),
    groupBy: rule.groupBy,
    attack: rule.attack,
  };
  if (rule.type === 'threshold' || rule.type === 'cardinality') view.threshold = rule.threshold;
  if (rule.type !== 'match') view.window = rule.windowMs;
  if (rule.description !== undefined) view.description = rule.description;
  return view;
}
