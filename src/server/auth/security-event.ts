import type { SecurityEvent } from '../../core/index.ts';

/** The service name Klaxon's own dashboard reports its security events under. */
export const DASHBOARD_SERVICE = 'klaxon-dashboard';

/** The application event actions the shipped rule pack (rules/application.yml) detects. */
export type DashboardAction = 'login' | 'csrf_token_invalid' | 'access_forbidden';

export interface DashboardIncidentFacts {
  action: DashboardAction;
  /** Epoch milliseconds. */
  at: number;
  address: string;
  userName?: string;
  method: string;
  /** Without the query string (which may carry a token). */
  path: string;
  status: number;
  reason: string;
  userAgent?: string;
}

const USER_AGENT_MAX = 256;

/**
 * A failed login, forged or stale form, or forbidden request on the dashboard as an ECS event shaped
 * like the application events the rule pack detects, so Klaxon alerts on attacks on itself.
 */
export function buildSecurityEvent(facts: DashboardIncidentFacts): SecurityEvent {
  return {
    '@timestamp': new Date(facts.at).toISOString(),
    event: {
      kind: 'event',
      category: [facts.action === 'login' ? 'authentication' : 'web'],
      action: facts.action,
      outcome: 'failure',
      reason: facts.reason,
    },
    ...(facts.userName !== undefined && { user: { name: facts.userName } }),
    source: { ip: facts.address },
    service: { name: DASHBOARD_SERVICE },
    url: { path: facts.path },
    http: { request: { method: facts.method }, response: { status_code: facts.status } },
    ...(facts.userAgent !== undefined && {
      user_agent: { original: facts.userAgent.slice(0, USER_AGENT_MAX) },
    }),
  };
}
