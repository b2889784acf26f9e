import type { SecurityEvent } from '../../core/index.ts';
import type { SshdHeader } from '../sshd/build-sshd-event.ts';
import { buildServiceLoginEvent } from '../auth-log/build-service-login-event.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';
import type { MailServer } from './mail-programs.ts';

const DATASETS: Record<MailServer, string> = {
  postfix: 'postfix.smtpd',
  dovecot: 'dovecot.login',
  courier: 'courier.login',
  cyrus: 'cyrus.login',
  'uw-imap': 'uw-imap.login',
  'solid-pop3d': 'solid-pop3d.login',
  sendmail: 'sendmail.auth',
  exim: 'exim.main',
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
  const event = buildServiceLoginEvent(header, original, message, timestamp, {
    ...found,
    action: 'mail_auth_failure',
    outcome: 'failure',
    type: ['info'],
  });
  event.event.module = found.server;
  event.event.dataset = found.server === 'sendmail' ? 'sendmail.log' : DATASETS[found.server];
  return event;
}

const REJECTION_ACTIONS: Record<SmtpRefusal['kind'], string> = {
  relay: 'mail_relay_denied',
  'unknown-recipient': 'mail_recipient_unknown',
  'no-mail': 'smtp_no_mail',
  protocol: 'smtp_protocol_violation',
};

/**
 * A recipient an SMTP server (Postfix, sendmail, Exim) refused a client as a SecurityEvent:
 * `mail_relay_denied` or `mail_recipient_unknown` (`event.category: [email, network]`,
 * `event.type: denied`, failure, `event.module` the server), `source.ip` (and the verified name), the
 * recipient the client named as `email.to.address`, the server's words as `event.reason` (`Relay
 * access denied`, `Recipient address rejected: User unknown ...`); a connection that ended without a
 * mail, `smtp_no_mail` (`event.type: [connection, end]`); a client that broke the protocol,
 * `smtp_protocol_violation` (`event.type: [connection, denied]`). No login was tried: the
 * authentication rules do not count it.
 */
export function buildMailRejectionEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: SmtpRefusal,
): SecurityEvent {
  const event = buildServiceLoginEvent(header, original, message, timestamp, {
    action: REJECTION_ACTIONS[found.kind],
    outcome: 'failure',
    service: 'smtp',
    user: undefined,
    ip: found.ip,
    domain: found.domain,
    reason: found.reason,
    type:
      found.kind === 'no-mail'
        ? ['connection', 'end']
        : found.kind === 'protocol'
          ? ['connection', 'denied']
          : ['denied'],
  });
  event.event.category = ['email', 'network'];
  event.event.module = found.server;
  event.event.dataset = found.server === 'sendmail' ? 'sendmail.log' : DATASETS[found.server];
  if (found.recipient !== undefined) event.email = { to: { address: [found.recipient] } };
  return event;
}
