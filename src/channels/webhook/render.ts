import type { Incident, Notification, NotificationKind, SecurityEvent } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import type { MessageContent } from '../message/index.ts';
import type { WebhookConfig } from './schema.ts';
import { jsonBytes, shrinkJson } from './shrink-json.ts';

/** The body receivers get: the Standard Webhooks payload shape `{ type, timestamp, data }`. */
export interface WebhookBody {
  /** `incident.opened`, `incident.resolved`, `klaxon.digest`, `klaxon.heartbeat`, ... */
  type: string;
  /** When the notification was made (ISO 8601); the signed delivery time is in `webhook-timestamp`. */
  timestamp: string;
  data: WebhookData;
}

export interface WebhookData {
  id: string;
  kind: NotificationKind;
  channel: string;
  /** This channel's own message number: a gap means a lost message. */
  sequence: number;
  detail: Notification['detail'];
  incident?: IncidentJson | IncidentLink;
  suppressedSince?: number;
  digest?: { from: string; to: string; incidents: IncidentJson[] };
  group?: {
    key: string;
    route: string;
    labels: Record<string, string>;
    why: string;
    incidents: (IncidentJson | IncidentLink)[];
  };
  heartbeat?: Notification['heartbeat'];
  text?: string;
  dashboardUrl?: string;
  /** The same human-readable text every other channel shows. */
  message: MessageContent;
  /** Set when the body was cut to fit `max_body_bytes`. */
  truncated?: true;
  /** Person action: what a person did, who, when (ISO 8601) and their note. */
  personAction?: { action: string; by: string; at: string; text?: string };
  /** Made from past events by `replay --notify`. */
  replay?: true;
}

/** An incident with its times as ISO 8601 strings. */
export type IncidentJson = Omit<
  Incident,
  'firstSeen' | 'lastSeen' | 'openedAt' | 'acknowledgedAt' | 'resolvedAt'
> & {
  firstSeen: string;
  lastSeen: string;
  openedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
};

/** What a `link`-level notification says about its incident. */
export type IncidentLink = Pick<Incident, 'serial' | 'priority' | 'status'>;

const INCIDENT_KINDS = new Set<NotificationKind>([
  'opened',
  'updated',
  'resolved',
  'flapping-started',
  'flapping-stopped',
  'escalated',
  'person-action',
]);

export function renderWebhook(notification: Notification, config: WebhookConfig): WebhookBody {
  const body: WebhookBody = {
    type: `${INCIDENT_KINDS.has(notification.kind) ? 'incident' : 'klaxon'}.${notification.kind}`,
    timestamp: iso(notification.createdAt),
    data: buildData(notification),
  };
  return fitBody(body, config.max_body_bytes);
}

function buildData(notification: Notification): WebhookData {
  const { incident, digest } = notification;
  const data: WebhookData = {
    id: notification.id,
    kind: notification.kind,
    channel: notification.channel,
    sequence: notification.sequence,
    detail: notification.detail,
    message: describeNotification(notification),
  };
  const full = notification.detail === 'full';
  if (incident) {
    data.incident = full
      ? toIncidentJson(incident)
      : { serial: incident.serial, priority: incident.priority, status: incident.status };
  }
  if (full && notification.suppressedSince !== undefined) data.suppressedSince = notification.suppressedSince;
  if (digest) {
    data.digest = {
      from: iso(digest.from),
      to: iso(digest.to),
      incidents: digest.incidents.map((item) => toIncidentJson({ ...item, samples: [] })),
    };
  }
  if (notification.group) {
    const { incidents, ...group } = notification.group;
    data.group = {
      ...group,
      incidents: incidents.map((item) =>
        full
          ? toIncidentJson({ ...item, samples: [] })
          : { serial: item.serial, priority: item.priority, status: item.status },
      ),
    };
  }
  if (notification.heartbeat) data.heartbeat = notification.heartbeat;
  if (notification.text !== undefined) data.text = notification.text;
  if (notification.dashboardUrl !== undefined) data.dashboardUrl = notification.dashboardUrl;
  if (notification.replay) data.replay = true;
  if (notification.personAction) {
    const { at, ...action } = notification.personAction;
    data.personAction = { ...action, at: iso(at) };
  }
  return data;
}

function toIncidentJson(incident: Incident): IncidentJson {
  const { firstSeen, lastSeen, openedAt, acknowledgedAt, resolvedAt, ...rest } = incident;
  return {
    ...rest,
    firstSeen: iso(firstSeen),
    lastSeen: iso(lastSeen),
    openedAt: iso(openedAt),
    ...(acknowledgedAt !== undefined && { acknowledgedAt: iso(acknowledgedAt) }),
    ...(resolvedAt !== undefined && { resolvedAt: iso(resolvedAt) }),
  };
}

/** Within the limit, dropping first the evidence, then clipping texts and lists harder and harder. */
function fitBody(body: WebhookBody, maxBytes: number): WebhookBody {
  if (jsonBytes(body) <= maxBytes) return body;
  const lean = withoutEvidence(body);
  if (jsonBytes(lean) <= maxBytes) return lean;
  for (const [chars, items] of [
    [2000, 200],
    [500, 50],
    [100, 10],
  ] as const) {
    const clipped = { ...lean, data: shrinkJson(lean.data, chars, items) as WebhookData };
    if (jsonBytes(clipped) <= maxBytes) return clipped;
  }
  const { data } = lean;
  return {
    ...lean,
    data: shrinkJson(
      {
        id: data.id,
        kind: data.kind,
        channel: data.channel,
        sequence: data.sequence,
        detail: data.detail,
        ...(data.incident && { incident: pickLink(data.incident) }),
        ...(data.dashboardUrl !== undefined && { dashboardUrl: data.dashboardUrl }),
        message: { ...data.message, facts: [], evidence: [] },
        truncated: true,
      },
      200,
      0,
    ) as WebhookData,
  };
}

function withoutEvidence(body: WebhookBody): WebhookBody {
  const { data } = body;
  const samples: SecurityEvent[] = [];
  return {
    ...body,
    data: {
      ...data,
      ...(data.incident && 'samples' in data.incident && { incident: { ...data.incident, samples } }),
      message: { ...data.message, evidence: [] },
      truncated: true,
    },
  };
}

function pickLink(incident: IncidentJson | IncidentLink): IncidentLink {
  return { serial: incident.serial, priority: incident.priority, status: incident.status };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
