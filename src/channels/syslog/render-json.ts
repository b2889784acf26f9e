import type { Notification } from '../../core/index.ts';
import type { MessageContent } from '../message/index.ts';
import { clipText } from './clip-text.ts';

const VALUE_CHARS = 1_000;

/**
 * The message as JSON, in decreasing detail: everything; without evidence; without facts;
 * only ids, title and link. The caller sends the first that fits. Machine fields (serial,
 * rule id, group with ECS names, counts, times) come from the incident; words from the shared
 * message content.
 */
export function buildJsonCandidates(notification: Notification, content: MessageContent): string[] {
  const base = {
    timestamp: new Date(notification.createdAt).toISOString(),
    notification: {
      id: notification.id,
      kind: notification.kind,
      channel: notification.channel,
      sequence: notification.sequence,
    },
    title: clipText(content.title, VALUE_CHARS),
    ...(content.link !== undefined && { link: content.link }),
  };
  const incident = describeIncident(notification);
  const facts = Object.fromEntries(
    content.facts.map(([label, value]) => [label || 'text', clipText(value, VALUE_CHARS)]),
  );
  const evidence = content.evidence;
  return [
    JSON.stringify({ ...base, ...(incident && { incident }), facts, evidence }),
    JSON.stringify({ ...base, ...(incident && { incident }), facts }),
    JSON.stringify({ ...base, ...(incident && { incident }) }),
    JSON.stringify({
      ...base,
      title: clipText(content.title, 120),
      ...(incident && { incident: { serial: incident.serial, priority: incident.priority } }),
    }),
  ];
}

function describeIncident(notification: Notification): Record<string, unknown> | undefined {
  const incident = notification.incident;
  if (!incident) return undefined;
  const essentials = { serial: incident.serial, priority: incident.priority, status: incident.status };
  if (notification.detail === 'link') return essentials;
  return {
    ...essentials,
    rule_id: incident.ruleId,
    severity: incident.severity,
    confidence: incident.confidence,
    group: Object.fromEntries(
      Object.entries(incident.group).map(([field, value]) => [field, clipText(value, VALUE_CHARS)]),
    ),
    count: incident.count,
    first_seen: new Date(incident.firstSeen).toISOString(),
    last_seen: new Date(incident.lastSeen).toISOString(),
    attack: incident.attack.slice(0, 20),
  };
}
