import { isIP } from 'node:net';
import type { Notification } from '../../core/index.ts';
import type { MessageContent } from '../message/index.ts';
import { escapeCefHeader, escapeCefValue } from './cef-escape.ts';
import { clipText } from './clip-text.ts';
import { cefSeverity } from './severity.ts';

const PRODUCT = 'Klaxon|Klaxon|0.1';
// ArcSight's documented lengths: Name 512, msg and user names 1023, custom strings 4000.
const NAME_CHARS = 512;
const FIELD_CHARS = 1_023;

type Extension = [key: string, value: string | number | undefined];

/**
 * `CEF:0|Klaxon|Klaxon|0.1|<rule id>|<title>|<severity>|src=… suser=… cnt=…`, in decreasing
 * detail (everything; without msg; only ids and link; with a shorter name); the caller sends
 * the first that fits. Group fields map to CEF keys: source.ip → src, user.name → suser,
 * source.port → spt, destination.ip → dst, host.name → dhost.
 */
export function buildCefCandidates(notification: Notification, content: MessageContent): string[] {
  const incident = notification.incident;
  const signature = incident?.ruleId ?? `klaxon-${notification.kind}`;
  const header = (name: string) =>
    `CEF:0|${PRODUCT}|${escapeCefHeader(signature)}|${escapeCefHeader(name)}|${cefSeverity(notification)}|`;
  const ids: Extension[] = [
    ['rt', notification.createdAt],
    ['externalId', incident?.serial],
    ['cat', notification.kind],
    ['cn1Label', 'sequence'],
    ['cn1', notification.sequence],
    ['cs3Label', content.link === undefined ? undefined : 'dashboard'],
    ['cs3', content.link],
  ];
  const detail: Extension[] =
    incident && notification.detail === 'full' ? describeIncident(notification) : [];
  const msg: Extension[] = [
    ['msg', content.facts.map(([label, value]) => (label ? `${label}: ${value}` : value)).join('; ')],
  ];
  const name = clipText(content.title, NAME_CHARS);
  return [
    header(name) + formatExtensions([...ids, ...detail, ...msg]),
    header(name) + formatExtensions([...ids, ...detail]),
    header(name) + formatExtensions(ids),
    header(clipText(content.title, 120)) + formatExtensions(ids),
  ];
}

function describeIncident(notification: Notification): Extension[] {
  const incident = notification.incident!;
  const group = incident.group;
  const address = (value: string | undefined) => (value !== undefined && isIP(value) ? value : undefined);
  return [
    ['src', address(group['source.ip'])],
    ['spt', group['source.port']],
    ['suser', group['user.name']],
    ['dst', address(group['destination.ip'])],
    ['dhost', group['host.name']],
    ['cnt', incident.count],
    ['start', incident.firstSeen],
    ['end', incident.lastSeen],
    ['cs1Label', 'attack'],
    ['cs1', incident.attack.join(',')],
    ['cs2Label', 'status'],
    ['cs2', incident.status],
  ];
}

function formatExtensions(extensions: Extension[]): string {
  return extensions
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCefValue(clipText(String(value), FIELD_CHARS))}`)
    .join(' ');
}
