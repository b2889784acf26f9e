import type { SecurityEvent } from '../../core/index.ts';
import { systemAuthEvent, type SshdHeader } from '../sshd/build-sshd-event.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import type { MailServer } from './mail-programs.ts';

const DATASETS: Record<MailServer, string> = {
  postfix: 'postfix.smtpd',
  dovecot: 'dovecot.login',
  courier: 'courier.login',
  cyrus: 'cyrus.login',
  sendmail: 'sendmail.auth',
};

/**
 * One failed mail login as a SecurityEvent: `mail_auth_failure` (`event.category: authentication`,
 * `event.module` the server, `service.name` the protocol), `user.name` when the line names one,
 * `source.ip` (and the verified reverse name as `source.domain`), the server's words as `event.reason`.
 */
export function buildMailFailureEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: MailAuthFailure,
): SecurityEvent {
  const event = systemAuthEvent(
    header,
    original,
    message,
    timestamp,
    ['authentication'],
    ['info'],
    'mail_auth_failure',
    'failure',
  );
  event.event.module = found.server;
  event.event.dataset = DATASETS[found.server];
  event.event.reason = found.reason;
  event.service = { name: found.service };
  const source: Record<string, unknown> = { address: found.ip, ip: found.ip };
  if (found.domain !== undefined) source.domain = found.domain;
  if (found.port !== undefined) source.port = found.port;
  event.source = source;
  if (found.user !== undefined) event.user = { name: found.user };
  event.related = relatedFields([found.user], found.ip, header.hostname);
  return event;
}
