import type { Incident, Notification } from '../../core/index.ts';
import { describeGroup } from './group-message.ts';
import { describeIncident } from './incident-message.ts';
import { groupText, iso } from './message-text.ts';
import { describePersonAction } from './person-action-message.ts';

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

/** Leads the title of a message made from past events, so nobody takes it for a live alert. */
export const REPLAY_MARK = '[replay of past events]';

/** What `notification` says, for any channel to render. */
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
  if (incident) return { ...base, ...describeIncident(notification, incident) };
  if (notification.digest) return { ...base, ...describeDigest(notification.digest) };
  if (notification.group) return { ...base, ...describeGroup(notification.group, notification.detail) };
  if (notification.heartbeat) return { ...base, ...describeHeartbeat(notification.heartbeat) };
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

/** The incidents of a period, one a line. */
function describeDigest({
  incidents,
  from,
  to,
}: NonNullable<Notification['digest']>): Omit<MessageContent, 'footer'> {
  return {
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

function describeHeartbeat(
  heartbeat: NonNullable<Notification['heartbeat']>,
): Omit<MessageContent, 'footer'> {
  return {
    title: 'Klaxon is alive',
    facts: [
      ['last incident', heartbeat.lastSerial > 0 ? `#${heartbeat.lastSerial}` : 'none yet'],
      ['dead letters', String(heartbeat.deadLetters)],
    ],
    evidence: [],
  };
}
