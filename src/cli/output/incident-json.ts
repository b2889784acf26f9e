import { evidenceLine } from '../../channels/message/index.ts';
import type { Incident, SecurityEvent } from '../../core/index.ts';

/**
 * The `--json` shape of an incident: snake_case keys, ISO times, evidence as readable lines
 * (time and summary); the raw records as `evidence_raw` when asked for (`--raw`).
 */
export function incidentToJson(incident: Incident, options: { raw?: boolean } = {}): Record<string, unknown> {
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
    sigma: incident.sigma,
    distinct: incident.distinct,
    previous_serial: incident.previousSerial,
    evidence: incident.samples.map(evidenceLine),
    ...(options.raw === true && { evidence_raw: incident.samples.map(rawRecord) }),
  };
}

/** The record as it was read: event.original, or the event itself when the source kept none. */
export function rawRecord(event: SecurityEvent): string {
  return event.event.original ?? JSON.stringify(event);
}
