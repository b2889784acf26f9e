import type { Incident, Notification, PersonActionNotice } from '../../core/index.ts';
import type { MessageContent } from './message-content.ts';
import { iso } from './message-text.ts';

const PERSON_VERBS: Record<PersonActionNotice['action'], string> = {
  ack: 'acknowledged',
  assign: 'assigned',
  note: 'note',
  resolve: 'resolved',
  reopen: 'reopened',
};

/** A short line in the incident's thread: who did what, and their words. */
export function describePersonAction(
  action: PersonActionNotice,
  incident: Incident,
  detail: Notification['detail'],
): Omit<MessageContent, 'footer'> {
  const verb = PERSON_VERBS[action.action];
  const what =
    detail === 'link'
      ? `Incident #${incident.serial}, ${incident.priority}`
      : `[${incident.priority}] #${incident.serial} ${incident.title}`;
  const facts: [string, string][] = [];
  if (action.action === 'assign' && action.text) facts.push(['assignee', action.text]);
  else if (action.text && detail !== 'link')
    facts.push([action.action === 'note' ? 'note' : 'reason', action.text]);
  facts.push(['status', `${incident.status} at ${iso(action.at)}`]);
  return { title: `${what} — ${verb}${action.by ? ` by ${action.by}` : ''}`, facts, evidence: [] };
}
