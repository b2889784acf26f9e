import type { BuildResult, EcsDocument } from './ecs-document.ts';
import { normalizeIp } from './normalize-ip.ts';

/** The application events Klaxon's shipped rule pack (`rules/application.yml`) detects. */
export type AppEventAction =
  'login_failed' | 'login_succeeded' | 'csrf_token_invalid' | 'access_forbidden' | 'object_id_tampered';

/** The short form of an application event; `report()` turns it into an ECS document. */
export interface AppEventReport {
  action: AppEventAction;
  /** The account concerned; absent for anonymous requests. */
  user?: string;
  /** The client's address (`source.ip`). */
  ip: string;
  path?: string;
  method?: string;
  status?: number;
  userAgent?: string;
  /** The object id a tampered request asked for (`labels.object_id`). */
  objectId?: string;
  /** When it happened: a Date, epoch milliseconds or an ISO 8601 string; default: when reported. */
  at?: Date | number | string;
}

const ECS_EVENTS: Record<AppEventAction, { category: string; action: string; outcome: string }> = {
  login_failed: { category: 'authentication', action: 'login', outcome: 'failure' },
  login_succeeded: { category: 'authentication', action: 'login', outcome: 'success' },
  csrf_token_invalid: { category: 'web', action: 'csrf_token_invalid', outcome: 'failure' },
  access_forbidden: { category: 'web', action: 'access_forbidden', outcome: 'failure' },
  object_id_tampered: { category: 'web', action: 'object_id_tampered', outcome: 'failure' },
};

// Attacker-controlled text (user agents, paths) is clipped so one event cannot bloat a batch.
const MAX_CHARS = { user: 256, path: 2048, userAgent: 1024, objectId: 256 } as const;
type TextField = keyof typeof MAX_CHARS;

/** The ECS document for a short-form event, shaped as the demo application sends it. */
export function buildAppEvent(report: unknown, service: string, now: number): BuildResult {
  if (typeof report !== 'object' || report === null) {
    return invalid('the event must be an object like { action, ip }');
  }
  const r = report as Record<string, unknown>;
  const action = r['action'];
  if (typeof action !== 'string' || !Object.hasOwn(ECS_EVENTS, action)) {
    return invalid(`"action" must be one of ${Object.keys(ECS_EVENTS).join(', ')}`);
  }
  const ip = typeof r['ip'] === 'string' ? normalizeIp(r['ip']) : undefined;
  if (ip === undefined) return invalid('"ip" must be an IPv4 or IPv6 address');
  const texts: Partial<Record<TextField, string>> = {};
  for (const field of Object.keys(MAX_CHARS) as TextField[]) {
    const value = r[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return invalid(`"${field}" must be a string`);
    texts[field] = value.slice(0, MAX_CHARS[field]);
  }
  const method = r['method'];
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z-]{1,20}$/.test(method))) {
    return invalid('"method" must be an HTTP method such as POST');
  }
  const status = r['status'];
  if (
    status !== undefined &&
    (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599)
  ) {
    return invalid('"status" must be an HTTP status code (100-599)');
  }
  const at = readTime(r['at'], now);
  if (at === undefined) return invalid('"at" must be a valid Date, epoch milliseconds or ISO 8601 string');

  const event = ECS_EVENTS[action as AppEventAction];
  const doc: EcsDocument = {
    '@timestamp': at,
    event: { kind: 'event', category: [event.category], action: event.action, outcome: event.outcome },
    ...(texts.user !== undefined && { user: { name: texts.user } }),
    source: { ip },
    service: { name: service },
    ...(texts.path !== undefined && { url: { path: texts.path } }),
    ...((method !== undefined || status !== undefined) && {
      http: {
        ...(method !== undefined && { request: { method: (method as string).toUpperCase() } }),
        ...(status !== undefined && { response: { status_code: status } }),
      },
    }),
    ...(texts.userAgent !== undefined && { user_agent: { original: texts.userAgent } }),
    ...(texts.objectId !== undefined && { labels: { object_id: texts.objectId } }),
  };
  return { ok: true, doc };
}

function readTime(value: unknown, now: number): string | undefined {
  const ms =
    value === undefined
      ? now
      : value instanceof Date
        ? value.getTime()
        : typeof value === 'number'
          ? value
          : typeof value === 'string'
            ? Date.parse(value)
            : Number.NaN;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

function invalid(why: string): BuildResult {
  return { ok: false, message: `report(): ${why}` };
}
