import type { SecurityEvent } from '../core/index.ts';
import { relatedFields } from './auth-log/related-fields.ts';

/** A refused login as a server's own log reports it (not through syslog's auth lines). */
export interface LoginFailure {
  /** `success` for the logins a server's log reports beside its refusals (Roundcube's userlogins). */
  outcome?: 'failure' | 'success';
  /** The line, and its time (epoch ms). */
  original: string;
  time: number;
  module: string;
  dataset: string;
  /** `authentication` and what else the server is (`web`, `database`). */
  category: string[];
  action: string;
  /** The server's words. */
  reason: string;
  /** The client's address, or its name where the server wrote only that. */
  ip?: string | undefined;
  domain?: string | undefined;
  port?: number | undefined;
  user?: string | undefined;
  /** ECS `service.name`. */
  service?: string | undefined;
  /** The syslog header's host, when the line came through syslog. */
  host?: string | undefined;
}

/**
 * A refused login as ECS (`event.type: start`, `event.outcome: failure` unless said otherwise): `source.address` and
 * `source.ip` (or `source.domain`), `user.name`, `service.name`, `host.name` where known, and
 * Filebeat's `related` lists.
 */
export function buildLoginFailureEvent(failure: LoginFailure): SecurityEvent {
  const { ip, domain, port, user, service, host } = failure;
  const event: SecurityEvent = {
    '@timestamp': new Date(failure.time).toISOString(),
    event: {
      original: failure.original,
      kind: 'event',
      module: failure.module,
      dataset: failure.dataset,
      category: failure.category,
      type: ['start'],
      action: failure.action,
      outcome: failure.outcome ?? 'failure',
      reason: failure.reason,
    },
    related: relatedFields([user], ip, host),
  };
  if (service !== undefined) event.service = { name: service };
  if (ip !== undefined || domain !== undefined) {
    const source: Record<string, unknown> =
      ip !== undefined ? { address: ip, ip } : { address: domain, domain };
    if (port !== undefined) source.port = port;
    event.source = source;
  }
  if (user !== undefined) event.user = { name: user };
  if (host !== undefined) event.host = { hostname: host, name: host };
  return event;
}

/** A login to a web application that its own log reports (Roundcube, Webmin, phpMyAdmin). */
export interface AppLogin {
  /** The application: `event.module` and `service.name`. */
  app: string;
  dataset: string;
  outcome: 'failure' | 'success';
  user: string | undefined;
  /** Undefined where the application writes none (Proxmox's successful logins). */
  ip: string | undefined;
  reason: string;
}

/**
 * A web application's login as the login event the ingest API takes from applications, so the
 * application rules count it: `event.action: login` with its outcome, `service.name` the
 * application, `event.category: [authentication, web]`, `user.name`, `source.ip`. `host`: the
 * syslog header's host, when the line came through syslog.
 */
export function buildAppLoginEvent(
  line: string,
  login: AppLogin,
  time: number,
  host?: string,
): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time,
    outcome: login.outcome,
    module: login.app,
    dataset: login.dataset,
    category: ['authentication', 'web'],
    action: 'login',
    reason: login.reason,
    ip: login.ip,
    user: login.user,
    service: login.app,
    host,
  });
}
