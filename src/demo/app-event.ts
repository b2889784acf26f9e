/** What the shop's web application reports to Klaxon's ingest API: one ECS document per event. */
export type AppAction = 'login' | 'csrf_token_invalid' | 'access_forbidden' | 'object_id_tampered';

export interface AppEvent {
  /** Epoch milliseconds. */
  at: number;
  action: AppAction;
  outcome: 'success' | 'failure';
  /** Absent for anonymous requests. */
  user?: string;
  ip: string;
  method: 'GET' | 'POST';
  path: string;
  status: number;
  userAgent: string;
  /** The object id a tampered request asked for (`labels.object_id`). */
  objectId?: string;
}

export const APP_SERVICE = 'shop-web';

export function formatAppEvent(e: AppEvent): string {
  return JSON.stringify({
    '@timestamp': new Date(e.at).toISOString(),
    event: {
      kind: 'event',
      category: [e.action === 'login' ? 'authentication' : 'web'],
      action: e.action,
      outcome: e.outcome,
    },
    ...(e.user === undefined ? {} : { user: { name: e.user } }),
    source: { ip: e.ip },
    service: { name: APP_SERVICE },
    url: { path: e.path },
    http: { request: { method: e.method }, response: { status_code: e.status } },
    user_agent: { original: e.userAgent },
    ...(e.objectId === undefined ? {} : { labels: { object_id: e.objectId } }),
  });
}
