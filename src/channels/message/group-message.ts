import type { Notification, NotificationGroup } from '../../core/index.ts';
import type { MessageContent } from './message-content.ts';
import { groupText } from './message-text.ts';

const GROUP_WHY = { initial: 'new group', changed: 'group changed', repeat: 'reminder' } as const;

/** One message for a group: every incident in it on a line of its own. */
export function describeGroup(
  group: NotificationGroup,
  detail: Notification['detail'],
): Omit<MessageContent, 'footer'> {
  const open = group.incidents.filter((incident) => incident.status !== 'resolved').length;
  const count = group.incidents.length;
  const title = `Klaxon: ${count} incident${count === 1 ? '' : 's'} in one group, ${open} open — ${GROUP_WHY[group.why]}`;
  const labels = Object.entries(group.labels).map(([name, value]) => `${name}=${value}`);
  const facts: [string, string][] =
    detail === 'link' || labels.length === 0 ? [] : [['group', labels.join(' ')]];
  for (const incident of group.incidents) {
    const line =
      detail === 'link'
        ? `${incident.status}`
        : `${incident.title} (${groupText(incident)}, ${incident.count} events, ${incident.status})`;
    facts.push([`#${incident.serial} ${incident.priority}`, line]);
  }
  return { title, facts, evidence: [] };
}
