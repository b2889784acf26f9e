import { isOpen, readLabel, type NoiseIncident } from './noise-incident.ts';
import { readOpenOfRule, type OpenIncidents } from './open-incident-index.ts';

/**
 * While an incident of rule `source` is open, incidents of the `targets` rules with the same
 * values of the `equal` fields are muted: "account compromised" mutes "brute force against that
 * account". Alertmanager's inhibit_rules, with rule ids in place of label matchers.
 */
export interface InhibitionRule {
  source: string;
  targets: readonly string[];
  /** Fields (`rule`, `priority` or group fields) both incidents must carry with equal values. */
  equal: readonly string[];
}

/** Inhibition rules indexed by target rule: an incident that no rule targets costs one map lookup. */
export class Inhibitor {
  private readonly byTarget = new Map<string, InhibitionRule[]>();

  constructor(rules: readonly InhibitionRule[]) {
    for (const rule of rules) {
      for (const target of rule.targets) {
        const list = this.byTarget.get(target);
        if (list === undefined) this.byTarget.set(target, [rule]);
        else list.push(rule);
      }
    }
  }

  isInhibited(incident: NoiseIncident, openIncidents: OpenIncidents): boolean {
    return this.findInhibitor(incident, openIncidents) !== undefined;
  }

  /** The open source incident that mutes this one, if any. */
  findInhibitor(incident: NoiseIncident, openIncidents: OpenIncidents): NoiseIncident | undefined {
    const rules = this.byTarget.get(incident.ruleId);
    if (rules === undefined) return undefined;
    for (const rule of rules) {
      for (const candidate of readOpenOfRule(openIncidents, rule.source)) {
        if (
          candidate.ruleId === rule.source &&
          candidate.serial !== incident.serial &&
          isOpen(candidate) &&
          haveEqualFields(candidate, incident, rule.equal)
        ) {
          return candidate;
        }
      }
    }
    return undefined;
  }
}

/**
 * Both carry every field, with the same value. Unlike Alertmanager, a field missing on both sides
 * is not "equal": muting needs evidence that the two incidents concern the same thing.
 */
function haveEqualFields(source: NoiseIncident, target: NoiseIncident, fields: readonly string[]): boolean {
  for (const field of fields) {
    const value = readLabel(source, field);
    if (value === undefined || value !== readLabel(target, field)) return false;
  }
  return true;
}
