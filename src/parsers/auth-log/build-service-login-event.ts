import type { SecurityEvent } from '../../core/index.ts';
import { systemAuthEvent, type SshdHeader } from '../sshd/build-sshd-event.ts';
import { relatedFields } from './related-fields.ts';

/** A login to a network service that its syslog line reports: who, from where, how it ended. */
export interface ServiceLogin {
  action: string;
  outcome: 'success' | 'failure';
  /** ECS `service.name`: the protocol (`ftp`, `vnc`). */
  service: string;
  user: string | undefined;
  ip: string;
  /** The client's name, when the server verified one, and its port. */
  domain?: string | undefined;
  port?: number | undefined;
  reason?: string | undefined;
  /** ECS `event.type`: `start` (a login) unless said otherwise. */
  type?: string[];
}

/**
 * A service's login line as a SecurityEvent (`event.category: authentication`, `event.type:
 * start`), in the shape of every auth.log event (process, host, message): `user.name` when the line
 * names one, `source.ip`, the server's reason in `event.reason`, Filebeat's `related` lists.
 */
export function buildServiceLoginEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  login: ServiceLogin,
): SecurityEvent {
  const event = systemAuthEvent(
    header,
    original,
    message,
    timestamp,
    ['authentication'],
    login.type ?? ['start'],
    login.action,
    login.outcome,
  );
  if (login.reason !== undefined) event.event.reason = login.reason;
  event.service = { name: login.service };
  const source: Record<string, unknown> = { address: login.ip, ip: login.ip };
  if (login.domain !== undefined) source.domain = login.domain;
  if (login.port !== undefined) source.port = login.port;
  event.source = source;
  if (login.user !== undefined) event.user = { name: login.user };
  event.related = relatedFields([login.user], login.ip, header.hostname);
  return event;
}
