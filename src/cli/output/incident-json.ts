import type { Incident } from '../../core/index.ts';

/** The `--json` shape of an incident: snake_case keys, ISO times, evidence as the raw lines. */
export function incidentToJson(incident: Incident): Record<string, unknown> {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  return {
    serial: incident.serial,
    rule: incident.ruleId,
    title: incident.title,
    status: incident.status,
    group: incident.group,
    count: incident.count,
    first_seen: iso(incident.firstSeen),
    last_seen: iso(incident.lastSeen),
    opened_at: iso(incident.openedAt),
    resolved_at: iso(incident.resolvedAt),
    resolved_by: incident.resolvedBy,
    resolution: incident.resolution,
    acknowledged_at: iso(incident.acknowledgedAt),
    acknowledged_by: incident.acknowledgedBy,
    assignee: incident.assignee,
    severity: incident.severity,
    confidence: incident.confidence,
    priority: incident.priority,
    attack: incident.attack,
    runbook: incident.runbook,
    distinct: incident.distinct,
    previous_serial: incident.previousSerial,
    evidence: incident.samples.map((event) => event.event.original ?? JSON.stringify(event)),
  };
}
