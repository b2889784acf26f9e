import { isIP } from 'node:net';
import type { SecurityEvent } from '../../core/index.ts';
import { normalizeTimestamp } from '../ndjson/index.ts';

/** The Cowrie events Klaxon maps; others (commands, downloads, key exchange) are skipped. */
const ACTIONS: Record<string, { category: string[]; type: string[]; outcome?: 'success' | 'failure' }> = {
  'cowrie.login.failed': { category: ['intrusion_detection'], type: ['info'], outcome: 'failure' },
  'cowrie.login.success': { category: ['intrusion_detection'], type: ['info'], outcome: 'success' },
  'cowrie.session.connect': { category: ['intrusion_detection', 'network'], type: ['connection', 'start'] },
  'cowrie.session.closed': { category: ['intrusion_detection', 'network'], type: ['connection', 'end'] },
};

export const NOT_COWRIE = 'not-cowrie';
export const OTHER_COWRIE_EVENT = 'cowrie-event-not-mapped';
export const MALFORMED_COWRIE = 'malformed-cowrie-event';

/**
 * Maps one Cowrie JSON record to ECS. Every login to a honeypot is hostile, so the category is
 * `intrusion_detection` (the generic authentication rules do not double-count them; rules/cowrie.yml
 * does). The tried password is dropped: it never reaches fields, the message or the evidence
 * (`event.original` is the record without it, and without fields Cowrie does not write). `port` is the session's source port, remembered from
 * its `cowrie.session.connect` when the record itself has none.
 */
export function mapCowrieEvent(
  record: Record<string, unknown>,
  port: number | undefined,
): SecurityEvent | string {
  const eventId = record.eventid;
  if (typeof eventId !== 'string' || !eventId.startsWith('cowrie.')) return NOT_COWRIE;
  const kind = Object.hasOwn(ACTIONS, eventId) ? ACTIONS[eventId] : undefined;
  if (kind === undefined) return OTHER_COWRIE_EVENT;
  const timestamp = normalizeTimestamp(record.timestamp);
  const ip = address(record.src_ip);
  if (timestamp === 'missing-timestamp' || timestamp === 'invalid-timestamp' || ip === undefined) {
    return MALFORMED_COWRIE;
  }
  const user = text(record.username);
  const event: SecurityEvent = {
    '@timestamp': timestamp,
    event: {
      kind: 'event',
      module: 'cowrie',
      dataset: 'cowrie',
      category: kind.category,
      type: kind.type,
      action: eventId,
    },
    service: { name: 'cowrie', type: 'honeypot' },
    source: port === undefined ? { ip } : { ip, port },
    message: describe(eventId, user, ip),
  };
  if (kind.outcome !== undefined) event.event.outcome = kind.outcome;
  if (user !== undefined) event.user = { name: user };
  const session = text(record.session);
  if (session !== undefined) event.cowrie = { session };
  const sensor = text(record.sensor);
  if (sensor !== undefined) event.observer = { name: sensor, type: 'honeypot' };
  event.event.original = JSON.stringify(withoutSecrets(record, event.message as string));
  return event;
}

function describe(eventId: string, user: string | undefined, ip: string): string {
  if (eventId === 'cowrie.login.failed') return `login attempt for ${user ?? '(no user)'} from ${ip} failed`;
  if (eventId === 'cowrie.login.success')
    return `login attempt for ${user ?? '(no user)'} from ${ip} succeeded`;
  if (eventId === 'cowrie.session.connect') return `new connection from ${ip}`;
  return `connection from ${ip} closed`;
}

/**
 * The fields Cowrie writes in the records mapped here (its connect, login and close events), kept as
 * evidence. Any other is left out: a record whose fields are not Cowrie's may hold the tried password
 * under another name.
 */
const EVIDENCE_FIELDS = new Set([
  'eventid',
  'timestamp',
  'src_ip',
  'src_port',
  'dst_ip',
  'dst_port',
  'session',
  'protocol',
  'sensor',
  'username',
  'duration',
]);

/** The record as evidence: no password, Cowrie's message (which quotes it) replaced by ours. */
function withoutSecrets(record: Record<string, unknown>, message: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'password') copy.password = '[not shown]';
    else if (key === 'message') copy.message = message;
    else if (EVIDENCE_FIELDS.has(key)) copy[key] = value;
  }
  return copy;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024 ? value : undefined;
}

/** An IP address (IPv4-mapped IPv6 as IPv4), or undefined. */
function address(value: unknown): string | undefined {
  if (typeof value !== 'string' || isIP(value) === 0) return undefined;
  const lower = value.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
