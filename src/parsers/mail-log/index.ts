import { matchCourierLogin } from './match-courier-login.ts';
import { matchCyrusBadlogin } from './match-cyrus-badlogin.ts';
import { matchDovecotLogin } from './match-dovecot-login.ts';
import { matchDovecotAuthVerdict } from './match-dovecot-auth.ts';
import { matchEximAuth } from './match-exim-auth.ts';
import { matchPostfixSasl } from './match-postfix-sasl.ts';
import { matchSendmailAuth } from './match-sendmail-auth.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import { imapOrPop, type MailProgram } from './mail-programs.ts';
import { matchPostfixReject, type SmtpRefusal } from './match-postfix-reject.ts';
import { matchSendmailReject } from './match-sendmail-reject.ts';
import { matchEximReject } from './match-exim-reject.ts';
import { matchEximViolation } from './match-exim-violation.ts';
import { matchSmtpNoMail } from './match-smtp-no-mail.ts';
import { matchPostfixViolation, matchSendmailViolation } from './match-smtp-violation.ts';
import { matchCourierSmtpAuth, matchCourierSmtpReject } from './match-courier-smtp.ts';
import { matchUwImapLogin } from './match-uw-imap.ts';
import { matchSolidPop3dLogin } from './match-solid-pop3d.ts';

export { buildMailFailureEvent, buildMailRejectionEvent } from './build-mail-event.ts';
export { type SmtpRefusal } from './match-postfix-reject.ts';
export { matchEximAuth } from './match-exim-auth.ts';
export { matchDovecotLogin } from './match-dovecot-login.ts';
export { matchDovecotAuthVerdict } from './match-dovecot-auth.ts';
export { createMailAttemptCounter, MAIL_ATTEMPTS_REPORTED } from './count-mail-attempts.ts';
export { mailServerAt, type MailProgram, type MailServer } from './mail-programs.ts';
export type { MailAuthFailure } from './mail-auth-failure.ts';

/** The failed logins a mail server's message reports, or undefined when it reports none. */
export function matchMailFailure(
  kind: MailProgram,
  program: string,
  message: string,
): MailAuthFailure | undefined {
  if (kind === 'postfix') return matchPostfixSasl(message);
  if (kind === 'dovecot') return matchDovecotLogin(message) ?? matchDovecotAuthVerdict(message);
  if (kind === 'sendmail') return matchSendmailAuth(message);
  if (kind === 'exim') return matchEximAuth(message);
  if (kind === 'courier-smtp') return matchCourierSmtpAuth(message);
  const service = imapOrPop(program);
  return (
    matchCourierLogin(message, service) ??
    matchCyrusBadlogin(message, service) ??
    (service === 'managesieve' ? undefined : matchUwImapLogin(message, service)) ??
    matchSolidPop3dLogin(message)
  );
}

/**
 * What an SMTP server's message says of a client that tried no login: a relay or a recipient refused
 * (an open-relay probe, a harvest), or a connection that ended without a mail; undefined otherwise.
 */
export function matchSmtpRefusal(kind: MailProgram, message: string): SmtpRefusal | undefined {
  if (kind === 'courier-smtp') return matchCourierSmtpReject(message);
  if (kind !== 'postfix' && kind !== 'sendmail' && kind !== 'exim') return undefined;
  const rejection =
    kind === 'postfix'
      ? matchPostfixReject(message)
      : kind === 'sendmail'
        ? matchSendmailReject(message)
        : matchEximReject(message);
  return (
    rejection ??
    matchSmtpNoMail(kind, message) ??
    (kind === 'postfix'
      ? matchPostfixViolation(message)
      : kind === 'sendmail'
        ? matchSendmailViolation(message)
        : matchEximViolation(message))
  );
}
