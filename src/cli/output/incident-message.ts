import type { Incident } from '../../core/index.ts';
import { describeTechnique } from '../../triage/index.ts';
import { describeGroup } from './incident-table.ts';
import { formatTime } from './time.ts';

const EVIDENCE_LINE_CHARS = 160;

/** The full-detail message an analyst receives for an incident, as plain text. */
export function formatIncidentMessage(incident: Incident): string {
  const lines = [
    `[${incident.priority}] #${incident.serial} ${incident.title} (${incident.status})`,
    `  who/where: ${describeGroup(incident.group)}`,
    `  how often: ${incident.count} events from ${formatTime(incident.firstSeen)} to ${formatTime(incident.lastSeen)}`,
  ];
  if (incident.distinct) {
    lines.push(
      `  distinct ${incident.distinct.field}: ${incident.distinct.count} (${incident.distinct.values.join(', ')})`,
    );
  }
  lines.push(`  severity ${incident.severity}, confidence ${incident.confidence}; rule ${incident.ruleId}`);
  if (incident.attack.length > 0) {
    lines.push(
      `  ATT&CK: ${incident.attack
        .map(describeTechnique)
        .map((t) => (t.name ? `${t.id} ${t.name}` : t.id))
        .join('; ')}`,
    );
  }
  if (incident.runbook) lines.push(`  runbook: ${incident.runbook}`);
  if (incident.previousSerial !== undefined) lines.push(`  follows incident #${incident.previousSerial}`);
  if (incident.samples.length > 0) {
    lines.push('  evidence:');
    for (const event of incident.samples) {
      const original = event.event.original ?? JSON.stringify(event);
      lines.push(`    ${truncate(original.replace(/\s+/g, ' '), EVIDENCE_LINE_CHARS)}`);
    }
  }
  return lines.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
