import { clipText } from '../clip-text.ts';
import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';

export interface FilePayload {
  /** One JSON document and a newline. */
  line: string;
}

const VALUE_CHARS = 4_000;

/**
 * The notification as one JSON line: its identity (id, kind, channel, sequence: what outbox tests
 * check for duplicates and gaps), the incident's machine fields, and the shared message content.
 * At `link` detail the incident is reduced to serial, priority and status.
 */
export function renderFile(notification: Notification): FilePayload {
  const content = describeNotification(notification);
  const incident = notification.incident;
  const record = {
    id: notification.id,
    kind: notification.kind,
    channel: notification.channel,
    sequence: notification.sequence,
    created_at: new Date(notification.createdAt).toISOString(),
    detail: notification.detail,
    ...(incident && {
      incident:
        notification.detail === 'link'
          ? { serial: incident.serial, priority: incident.priority, status: incident.status }
          : {
              serial: incident.serial,
              rule_id: incident.ruleId,
              status: incident.status,
              priority: incident.priority,
              group: Object.fromEntries(
                Object.entries(incident.group).map(([field, value]) => [field, clip(value)]),
              ),
              count: incident.count,
              first_seen: new Date(incident.firstSeen).toISOString(),
              last_seen: new Date(incident.lastSeen).toISOString(),
            },
    }),
    message: {
      title: clip(content.title),
      facts: content.facts.map(([label, value]) => [label, clip(value)]),
      evidence: content.evidence,
      ...(content.link !== undefined && { link: content.link }),
      footer: content.footer,
    },
  };
  return { line: `${JSON.stringify(record)}\n` };
}

function clip(text: string): string {
  return clipText(text, VALUE_CHARS);
}
