import type {
  CaseMember,
  Incident,
  Notification,
  NotificationGroup,
  PersonActionNotice,
  SecurityEvent,
} from '../../core/index.ts';
import { summarizeEvent } from '../../parsers/index.ts';
import { describeTechnique } from '../../triage/index.ts';
import { clipText } from '../clip-text.ts';

/**
 * What a message says, independent of any channel's format: every channel renders this into its
 * own markup (Telegram HTML, Slack Block Kit, an Adaptive Card, e-mail text and HTML), so that
 * all channels say the same thing and each renderer only formats.
 */
export interface MessageContent {
  /** `[P1] #42 SSH brute force from one address — opened` */
  title: string;
  /** Label → value lines, in order: who/where, how often, window, ATT&CK, runbook... */
  facts: [label: string, value: string][];
  /** Evidence, first and latest: one readable line per event (time and summary), never the raw record. */
  evidence: string[];
  /** The dashboard link, when known. */
  link?: string;
  /** `incident #42 · message 17 on soc-telegram`: lets a reader notice a missing message. */
  footer: string;
}

const EVIDENCE_CHARS = 300;

/** Leads the title of a message made from past events, so nobody takes it for a live alert. */
export const REPLAY_MARK = '[replay of past events]';

export function describeNotification(notification: Notification): MessageContent {
  const content = describeContent(notification);
  return notification.replay ? { ...content, title: `${REPLAY_MARK} ${content.title}` } : content;
}

function describeContent(notification: Notification): MessageContent {
  const footer = `incident ${notification.incident ? `#${notification.incident.serial} · ` : ''}message ${notification.sequence} on ${notification.channel}`;
  const base = {
    footer,
    ...(notification.dashboardUrl !== undefined && { link: notification.dashboardUrl }),
  };
  const incident = notification.incident;
  if (incident && notification.escalation) return { ...base, ...describeEscalation(notification, incident) };
  if (incident && notification.personAction) {
    return { ...base, ...describePersonAction(notification.personAction, incident, notification.detail) };
  }
  if (incident && (notification.detail === 'link' || !hasIncidentDetail(notification))) {
    return { ...base, title: linkTitle(notification, incident), facts: [], evidence: [] };
  }
  if (incident) {
    return {
      ...base,
      title: incidentTitle(notification, incident),
      facts: [...incidentFacts(notification, incident), ...caseFacts(notification)],
      evidence: incident.samples.map((event) => clip(evidenceLine(event), EVIDENCE_CHARS)),
    };
  }
  if (notification.digest) {
    const { incidents, from, to } = notification.digest;
    return {
      ...base,
      title: `Klaxon digest: ${incidents.length} incident${incidents.length === 1 ? '' : 's'}`,
      facts: [
        ['period', `${iso(from)} to ${iso(to)}`],
        ...incidents.map((i): [string, string] => [
          `#${i.serial} ${i.priority}`,
          `${i.title} (${groupText(i)}, ${i.count} events, ${i.status})`,
        ]),
      ],
      evidence: [],
    };
  }
  if (notification.group) return { ...base, ...describeGroup(notification.group, notification.detail) };
  if (notification.heartbeat) {
    return {
      ...base,
      title: 'Klaxon is alive',
      facts: [
        [
          'last incident',
          notification.heartbeat.lastSerial > 0 ? `#${notification.heartbeat.lastSerial}` : 'none yet',
        ],
        ['dead letters', String(notification.heartbeat.deadLetters)],
      ],
      evidence: [],
    };
  }
  return {
    ...base,
    title: notification.kind === 'test' ? 'Klaxon test message' : 'Klaxon notice',
    facts: notification.text ? [['', notification.text]] : [],
    evidence: [],
  };
}

/** "Escalation: incident #42 P1 not acknowledged for 10 min", then what it is about. */
function describeEscalation(notification: Notification, incident: Incident): Omit<MessageContent, 'footer'> {
  const { step, unacknowledgedMs } = notification.escalation!;
  const minutes = Math.round(unacknowledgedMs / 60_000);
  const title = `Escalation: incident #${incident.serial} ${incident.priority} not acknowledged for ${minutes} min`;
  const facts: [string, string][] = [['escalation step', String(step)]];
  if (notification.detail !== 'link')
    facts.unshift(['incident', incident.title], ['who/where', groupText(incident)]);
  return { title, facts, evidence: [] };
}

const PERSON_VERBS: Record<PersonActionNotice['action'], string> = {
  ack: 'acknowledged',
  assign: 'assigned',
  note: 'note',
  resolve: 'resolved',
  reopen: 'reopened',
};

/** A short line in the incident's thread: who did what, and their words. */
function describePersonAction(
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

const GROUP_WHY = { initial: 'new group', changed: 'group changed', repeat: 'reminder' } as const;

/** One message for a group: every incident in it on a line of its own. */
function describeGroup(
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

/** A later member of a case is told as an update of the case, not as one more attack. */
function incidentTitle(notification: Notification, incident: Incident): string {
  const note = notification.case;
  const plain = `[${incident.priority}] #${incident.serial} ${incident.title} — ${verb(notification)}`;
  if (note === undefined || note.id === incident.serial || notification.kind !== 'opened') return plain;
  const n = note.total ?? note.members.length;
  return `[${incident.priority}] Case #${note.id} updated: now ${n} incident${n === 1 ? '' : 's'} — #${incident.serial} ${incident.title} opened`;
}

function caseFacts(notification: Notification): [string, string][] {
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

function incidentFacts(notification: Notification, incident: Incident): [string, string][] {
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

function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function groupText(incident: Pick<Incident, 'group'>): string {
  const entries = Object.entries(incident.group);
  return entries.length === 0 ? '(all)' : entries.map(([field, value]) => `${field}=${value}`).join(' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `2026-03-02T03:40:29Z 4625 failed logon: CORP\alice from 203.0.113.9 (WS-12), …` */
export function evidenceLine(event: SecurityEvent): string {
  const at = Date.parse(event['@timestamp']);
  const summary = summarizeEvent(event);
  return Number.isNaN(at) ? summary : `${iso(Math.floor(at / 1000) * 1000)} ${summary}`;
}

function clip(text: string, max: number): string {
  return clipText(text.replace(/\s+/g, ' '), max);
}
