import type { Incident, IncidentAuditEntry } from '../../core/index.ts';
import { rawRecord } from './incident-json.ts';
import { formatIncidentMessage } from './incident-message.ts';
import { formatTime } from './time.ts';

/**
 * `incidents show`: the full message, then the ticket's state and its audit trail; with
 * `raw`, the records behind the evidence as they were read.
 */
export function formatIncidentDetail(
  incident: Incident,
  history: readonly IncidentAuditEntry[],
  options: { raw?: boolean } = {},
): string {
  const lines = [formatIncidentMessage(incident)];
  if (options.raw === true) {
    lines.push('  raw records:', ...incident.samples.map((event) => `    ${rawRecord(event)}`));
  }
  if (incident.assignee) lines.push(`  assignee: ${incident.assignee}`);
  if (incident.acknowledgedAt !== undefined) {
    lines.push(`  acknowledged: ${formatTime(incident.acknowledgedAt)} by ${incident.acknowledgedBy ?? '?'}`);
  }
  if (incident.resolvedAt !== undefined) {
    const how = incident.resolution ? `: ${incident.resolution}` : '';
    lines.push(`  resolved: ${formatTime(incident.resolvedAt)} by ${incident.resolvedBy ?? '?'}${how}`);
  }
  lines.push('  audit trail:');
  for (const entry of history) {
    const detail = entry.detail ? ` ${entry.detail}` : '';
    lines.push(`    ${formatTime(entry.at)}  ${entry.actor.padEnd(10)} ${entry.action}${detail}`);
  }
  return lines.join('\n');
}
