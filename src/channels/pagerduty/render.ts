import { clipText } from '../clip-text.ts';
import type { Notification } from '../../core/index.ts';
import type { MessageContent } from '../message/index.ts';
import { describeNotification, groupText } from '../message/index.ts';
import type { PagerdutyEventAction, PagerdutySeverity } from './event-action.ts';
import { chooseDedupKey, chooseEventAction, chooseSeverity } from './event-action.ts';
import type { PagerdutyConfig } from './schema.ts';

export const SUMMARY_CHARS = 1024;
const DEDUP_KEY_CHARS = 255;
// PagerDuty refuses events over 512 KB. Past EVENT_BYTES, details are cut to DETAILS_CHARS, which
// stays under the limit even if JSON escaping made every character six bytes long.
export const EVENT_BYTES = 400_000;
const DETAIL_CHARS = 1_000;
const DETAILS_CHARS = 60_000;

/** An Events API v2 event without the routing key, which `send` adds (it is a secret). */
export interface PagerdutyEvent {
  event_action: PagerdutyEventAction;
  dedup_key: string;
  /** Only for trigger: acknowledge and resolve need nothing but the dedup key. */
  payload?: {
    summary: string;
    source: string;
    severity: PagerdutySeverity;
    timestamp: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details: Record<string, unknown>;
  };
  links?: { href: string; text: string }[];
  client: 'Klaxon';
  client_url?: string;
}

export function renderPagerduty(notification: Notification, config: PagerdutyConfig): PagerdutyEvent {
  const content = describeNotification(notification);
  const action = chooseEventAction(notification);
  const link = content.link !== undefined && /^https?:\/\//i.test(content.link) ? content.link : undefined;
  const event: PagerdutyEvent = {
    event_action: action,
    dedup_key: clip(chooseDedupKey(notification), DEDUP_KEY_CHARS),
    client: 'Klaxon',
    ...(link !== undefined && {
      client_url: link,
      links: [
        {
          href: link,
          text: notification.incident ? `Klaxon incident #${notification.incident.serial}` : 'Klaxon',
        },
      ],
    }),
  };
  if (action !== 'trigger') return event;
  return {
    ...event,
    payload: {
      summary: clip(summarize(notification, content), SUMMARY_CHARS),
      source: config.source,
      severity: chooseSeverity(notification),
      timestamp: new Date(notification.createdAt).toISOString(),
      ...(config.component !== undefined && { component: config.component }),
      ...(config.group !== undefined && { group: config.group }),
      ...(notification.incident && { class: notification.incident.ruleId }),
      custom_details: fitDetails(content),
    },
  };
}

/** The title, plus who/where for a full incident: what the on-call person sees first. */
function summarize(notification: Notification, content: MessageContent): string {
  const incident = notification.incident;
  return incident && content.facts.length > 0 ? `${content.title}: ${groupText(incident)}` : content.title;
}

/**
 * Facts by label, the evidence lines and the footer. When that would come near PagerDuty's 512 KB
 * limit, values are clipped, evidence is left out and facts stop at a budget (a huge digest).
 */
function fitDetails(content: MessageContent): Record<string, unknown> {
  const full = describeDetails(content, content.evidence, Number.POSITIVE_INFINITY);
  if (Buffer.byteLength(JSON.stringify(full)) <= EVENT_BYTES) return full;
  const clipped = describeDetails(content, [], DETAIL_CHARS);
  if (content.evidence.length > 0)
    clipped['evidence omitted'] = `${content.evidence.length} lines, see the dashboard`;
  return clipped;
}

function describeDetails(
  content: MessageContent,
  evidence: string[],
  maxChars: number,
): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  let size = 0;
  let omitted = 0;
  for (const [label, value] of content.facts) {
    const key = clip(label || 'text', maxChars);
    const text = clip(value, maxChars);
    size += key.length + text.length;
    if (size > DETAILS_CHARS) omitted++;
    else details[key] = text;
  }
  if (omitted > 0) details['facts omitted'] = `${omitted} more, see the dashboard`;
  if (evidence.length > 0) details.evidence = evidence;
  details.message = content.footer;
  return details;
}

const clip = (text: string, max: number): string => clipText(text, max);
