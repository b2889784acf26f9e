import type { Incident } from '../../core/index.ts';

/**
 * What noise control reads of an incident. A structural subset, so both the core incident and
 * the in-memory book's incident fit.
 */
export type NoiseIncident = Pick<
  Incident,
  'serial' | 'episodeId' | 'ruleId' | 'group' | 'priority' | 'status'
>;

/**
 * The value of a label of an incident, as silences, grouping and inhibition name them: `rule` is
 * the rule id, `priority` the priority, anything else a group field (`source.ip`). Undefined when
 * the incident has no such label.
 */
export function readLabel(incident: NoiseIncident, name: string): string | undefined {
  if (name === 'rule') return incident.ruleId;
  if (name === 'priority') return incident.priority;
  return incident.group[name];
}

/** Every label of an incident: `rule`, `priority` and each group field. */
export function listLabels(incident: NoiseIncident): Record<string, string> {
  return { rule: incident.ruleId, priority: incident.priority, ...incident.group };
}

/** One key per rule and group key (the same for every episode of it), stable across field order. */
export function keyOfRuleGroup(incident: Pick<NoiseIncident, 'ruleId' | 'group'>): string {
  const names = Object.keys(incident.group);
  if (names.length > 1) names.sort();
  let key = incident.ruleId;
  for (const name of names) key += `\u0000${name}\u0001${incident.group[name]}`;
  return key;
}

/** Open as long as it is not resolved: an acknowledged incident still holds. */
export function isOpen(incident: Pick<NoiseIncident, 'status'>): boolean {
  return incident.status !== 'resolved';
}
