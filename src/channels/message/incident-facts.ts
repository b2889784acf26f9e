import type { CaseMember, Incident, Notification } from '../../core/index.ts';
import { describeTechnique } from '../../triage/index.ts';
import { clip, formatSpan, groupText, iso } from './message-text.ts';

/** The case an incident belongs to: its members, and earlier incidents on the same address/account/host. */
export function caseFacts(notification: Notification): [string, string][] {
  const note = notification.case;
  if (note === undefined) return [];
  const line = (m: CaseMember) =>
    `#${m.serial} ${m.priority} ${m.title} (${m.status}${m.resolution ? `: ${m.resolution}` : ''})`;
  const hidden = (note.total ?? note.members.length) - note.members.length;
  const shown = note.members.map(line);
  // The first incident, then the newest: say how many between them are left out.
  if (hidden > 0) shown.splice(1, 0, `… ${hidden} more`);
  const facts: [string, string][] = [[`case #${note.id}`, shown.join('; ')]];
  if (note.related.length > 0)
    facts.push(['earlier, same address/account/host', note.related.map(line).join('; ')]);
  return facts;
}

/** Who/where, how often and what else is known of an incident, in the order a responder reads them. */
export function incidentFacts(notification: Notification, incident: Incident): [string, string][] {
  const facts: [string, string][] = [['who/where', groupText(incident)], howOften(incident)];
  if (notification.suppressedSince && notification.kind !== 'flapping-stopped')
    facts.push(['held back', `+${notification.suppressedSince} updates since the last message`]);
  if (incident.distinct)
    facts.push([
      `distinct ${incident.distinct.field}`,
      `${incident.distinct.count} (${incident.distinct.values.join(', ')})`,
    ]);
  facts.push(['severity', `${incident.severity}, confidence ${incident.confidence}`]);
  if (incident.attack.length > 0) {
    facts.push([
      'ATT&CK',
      incident.attack
        .map(describeTechnique)
        .map((t) => (t.name ? `${t.id} ${t.name}` : t.id))
        .join('; '),
    ]);
  }
  if (incident.sigma) facts.push(...sigmaFacts(incident.sigma));
  if (incident.runbook) facts.push(['runbook', incident.runbook]);
  if (incident.quietSince !== undefined && incident.status !== 'resolved') {
    facts.push(['attack stopped', `at ${iso(incident.quietSince)}; open until a person resolves it`]);
  }
  if (incident.status === 'resolved' && incident.resolvedBy) {
    facts.push([
      'resolved',
      `by ${incident.resolvedBy}${incident.resolution ? `: ${incident.resolution}` : ''}`,
    ]);
  }
  return facts;
}

const SIGMA_LIST_CHARS = 600;

/** The Sigma rule by name and id, its author, its references (bare URLs, so clients link them), false positives. */
function sigmaFacts(sigma: NonNullable<Incident['sigma']>): [string, string][] {
  const facts: [string, string][] = [['Sigma rule', sigma.id ? `${sigma.title} (${sigma.id})` : sigma.title]];
  if (sigma.author) facts.push(['Sigma author', sigma.author]);
  if (sigma.references.length > 0)
    facts.push(['references', clip(sigma.references.join(' '), SIGMA_LIST_CHARS)]);
  if (sigma.falsepositives.length > 0) {
    facts.push(['false positives', clip(sigma.falsepositives.join('; '), SIGMA_LIST_CHARS)]);
  }
  return facts;
}

/** Only an absence incident counts no event: it says since when nothing came instead. */
function howOften(incident: Incident): [string, string] {
  if (incident.count === 0) {
    const last = incident.lastSeen > 0 ? `last event ${iso(incident.lastSeen)}` : 'no event seen yet';
    return [
      'silent since',
      `${last}, nothing since (${formatSpan(incident.openedAt - incident.lastSeen)} at ${iso(incident.openedAt)})`,
    ];
  }
  return [
    'how often',
    `${incident.count} events from ${iso(incident.firstSeen)} to ${iso(incident.lastSeen)}`,
  ];
}
