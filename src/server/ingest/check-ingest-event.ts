import { isIP } from 'node:net';
import { isObject } from '../../core/index.ts';
import { expandDottedKeys } from '../../parsers/index.ts';

export interface IngestIssue {
  /** Position of the event in the request, from 0. */
  index: number;
  field: string;
  message: string;
}

const OUTCOMES = new Set(['success', 'failure', 'unknown']);
const MAX_TIMESTAMP_SKEW_MS = 366 * 24 * 3600 * 1000;

/**
 * Checks one application event and completes it in place: dotted keys are expanded, a missing
 * `@timestamp` becomes the receive time, a missing `service.name` the token's service. Only the
 * fields the rule pack reads are type-checked; anything else an application sends is kept.
 */
export function checkIngestEvent(
  value: unknown,
  index: number,
  defaults: { receivedAt: number; service?: string },
  issues: IngestIssue[],
): Record<string, unknown> | undefined {
  if (!isObject(value) || Array.isArray(value)) {
    issues.push({ index, field: '', message: 'must be a JSON object (an ECS document)' });
    return undefined;
  }
  // Dotted keys as Elasticsearch reads them (and safely: `__proto__` steps are kept as written).
  const event = expandDottedKeys(value);
  const before = issues.length;
  const problem = (field: string, message: string) => issues.push({ index, field, message });
  checkTimestamp(event, defaults.receivedAt, problem);
  const ecsEvent = event['event'];
  if (ecsEvent === undefined) problem('event', 'is required (at least event.action)');
  else if (!isObject(ecsEvent)) problem('event', 'must be an object');
  else {
    if (typeof ecsEvent['action'] !== 'string' || ecsEvent['action'] === '')
      problem('event.action', 'is required: a non-empty string such as "login"');
    const outcome = ecsEvent['outcome'];
    if (outcome !== undefined && !OUTCOMES.has(outcome as string))
      problem('event.outcome', 'must be "success", "failure" or "unknown"');
  }
  checkIp(event, 'source', problem);
  checkIp(event, 'client', problem);
  checkString(event, 'user', 'name', problem);
  checkString(event, 'service', 'name', problem);
  if (issues.length > before) return undefined;
  // checkString has made sure `service` is an object when present.
  if (defaults.service !== undefined) {
    const service = (event['service'] ??= {}) as Record<string, unknown>;
    service['name'] ??= defaults.service;
  }
  return event;
}

type Problem = (field: string, message: string) => void;

function checkTimestamp(event: Record<string, unknown>, receivedAt: number, problem: Problem): void {
  const timestamp = event['@timestamp'];
  if (timestamp === undefined || timestamp === null) {
    event['@timestamp'] = new Date(receivedAt).toISOString();
    return;
  }
  const ms =
    typeof timestamp === 'number' ? timestamp : typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (!Number.isFinite(ms)) return problem('@timestamp', 'must be an ISO 8601 time or epoch milliseconds');
  if (Math.abs(ms - receivedAt) > MAX_TIMESTAMP_SKEW_MS)
    return problem(
      '@timestamp',
      'is more than a year away from now; check the clock or the unit (milliseconds)',
    );
  event['@timestamp'] = new Date(ms).toISOString();
}

function checkIp(event: Record<string, unknown>, object: string, problem: Problem): void {
  const holder = event[object];
  if (holder === undefined) return;
  if (!isObject(holder)) return problem(object, 'must be an object');
  const ip = holder['ip'];
  if (ip === undefined) return;
  if (typeof ip !== 'string' || isIP(ip) === 0) problem(`${object}.ip`, 'must be an IPv4 or IPv6 address');
}

function checkString(event: Record<string, unknown>, object: string, field: string, problem: Problem): void {
  const holder = event[object];
  if (holder === undefined) return;
  if (!isObject(holder)) return problem(object, 'must be an object');
  const value = holder[field];
  if (value !== undefined && typeof value !== 'string') problem(`${object}.${field}`, 'must be a string');
}
