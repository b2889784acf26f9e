import { matchDovecotLogin } from './match-dovecot-login.ts';
import { matchPostfixSasl } from './match-postfix-sasl.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import type { MailServer } from './mail-programs.ts';

export { buildMailFailureEvent } from './build-mail-event.ts';
export { mailServerAt, mailServerOf, type MailServer } from './mail-programs.ts';
export type { MailAuthFailure } from './mail-auth-failure.ts';

/** The failed logins a mail server's message reports, or undefined when it reports none. */
export function matchMailFailure(server: MailServer, message: string): MailAuthFailure | undefined {
  return server === 'postfix' ? matchPostfixSasl(message) : matchDovecotLogin(message);
}
