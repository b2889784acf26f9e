/** The mail servers whose authentication failures Klaxon reads from syslog. */
export type MailServer = 'postfix' | 'dovecot';

const DOVECOT = 'dovecot';
const POSTFIX = 'postfix';
const SMTPD = '/smtpd';

/**
 * The mail server that the program name `text` holds from `start` to `end` stands for, or
 * undefined; no string is made. Postfix's SMTP server logs as `postfix/smtpd`, or under a service
 * or instance name (`postfix/submission/smtpd`, `postfix-incoming/smtpd`); Dovecot as `dovecot`.
 */
export function mailServerAt(text: string, start: number, end: number): MailServer | undefined {
  const length = end - start;
  if (length === DOVECOT.length && text.startsWith(DOVECOT, start)) return 'dovecot';
  if (length >= POSTFIX.length + SMTPD.length && length <= 64 && text.startsWith(POSTFIX, start))
    return text.startsWith(SMTPD, end - SMTPD.length) ? 'postfix' : undefined;
  return undefined;
}

export function mailServerOf(program: string): MailServer | undefined {
  return mailServerAt(program, 0, program.length);
}
