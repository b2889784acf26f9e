import { matchCourierLogin } from './match-courier-login.ts';
import { matchCyrusBadlogin } from './match-cyrus-badlogin.ts';
import { matchDovecotLogin } from './match-dovecot-login.ts';
import { matchDovecotAuthVerdict } from './match-dovecot-auth.ts';
import { matchEximAuth } from './match-exim-auth.ts';
import { matchPostfixSasl } from './match-postfix-sasl.ts';
import { matchSendmailAuth } from './match-sendmail-auth.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import { imapOrPop, type MailProgram } from './mail-programs.ts';

export { buildMailFailureEvent, buildMailRejectionEvent } from './build-mail-event.ts';
export { matchPostfixReject, type PostfixRejection } from './match-postfix-reject.ts';
export { matchSendmailReject } from './match-sendmail-reject.ts';
export { matchEximReject } from './match-exim-reject.ts';
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
  const service = imapOrPop(program);
  return matchCourierLogin(message, service) ?? matchCyrusBadlogin(message, service);
}
