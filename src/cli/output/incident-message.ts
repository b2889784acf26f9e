import { describeNotification } from '../../channels/message/index.ts';
import type { Incident } from '../../core/index.ts';

/**
 * The full-detail message an analyst receives for an incident, as plain text: the same content
 * every channel renders (`describeNotification`), laid out for a terminal.
 */
export function formatIncidentMessage(incident: Incident): string {
  const content = describeNotification({
    id: incident.episodeId,
    kind: incident.status === 'resolved' ? 'resolved' : 'opened',
    channel: 'console',
    sequence: 0,
    detail: 'full',
    incident,
    createdAt: incident.openedAt,
  });
  const lines = [content.title, ...content.facts.map(([label, value]) => `  ${label}: ${value}`)];
  if (incident.previousSerial !== undefined) lines.push(`  follows incident #${incident.previousSerial}`);
  if (content.evidence.length > 0)
    lines.push('  evidence:', ...content.evidence.map((line) => `    ${line}`));
  return lines.join('\n');
}
