import type { Incident, Notification } from '../../core/index.ts';
import { caseFacts, incidentFacts } from './incident-facts.ts';
import type { MessageContent } from './message-content.ts';
import { clip, evidenceLine } from './message-text.ts';

const EVIDENCE_CHARS = 300;

/** What a message about one incident says: all of it, or only its title and the link. */
export function describeIncident(
  notification: Notification,
  incident: Incident,
): Omit<MessageContent, 'footer'> {
  if (notification.detail === 'link' || !hasIncidentDetail(notification))
    return { title: linkTitle(notification, incident), facts: [], evidence: [] };
  return {
    title: incidentTitle(notification, incident),
    facts: [...incidentFacts(notification, incident), ...caseFacts(notification)],
    evidence: incident.samples.map((event) => clip(evidenceLine(event), EVIDENCE_CHARS)),
  };
}

/** A later member of a case is told as an update of the case, not as one more attack. */
function incidentTitle(notification: Notification, incident: Incident): string {
  const note = notification.case;
  const plain = `[${incident.priority}] #${incident.serial} ${incident.title} — ${verb(notification)}`;
  if (note === undefined || note.id === incident.serial || notification.kind !== 'opened') return plain;
  const n = note.total ?? note.members.length;
  return `[${incident.priority}] Case #${note.id} updated: now ${n} incident${n === 1 ? '' : 's'} — #${incident.serial} ${incident.title} opened`;
}

function hasIncidentDetail(notification: Notification): boolean {
  return (
    notification.kind === 'opened' ||
    notification.kind === 'updated' ||
    notification.kind === 'resolved' ||
    notification.kind.startsWith('flapping')
  );
}

function linkTitle(notification: Notification, incident: Incident): string {
  return `Incident #${incident.serial}, ${incident.priority}, ${verb(notification)}: open the dashboard`;
}

function verb(notification: Notification): string {
  switch (notification.kind) {
    case 'flapping-started':
      return 'flapping (further changes held back)';
    case 'flapping-stopped': {
      const held = notification.suppressedSince ?? 0;
      return `no longer flapping (${held} change${held === 1 ? '' : 's'} held back meanwhile)`;
    }
    default:
      return notification.kind;
  }
}
