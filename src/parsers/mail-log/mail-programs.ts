/** The mail servers whose authentication failures Klaxon reads from syslog (`event.module`). */
export type MailServer =
  'postfix' | 'dovecot' | 'courier' | 'cyrus' | 'uw-imap' | 'solid-pop3d' | 'sendmail' | 'exim';

/**
 * What a program name says of the server: Postfix's SMTP server, Dovecot, sendmail, Exim, Courier's
 * SMTP server, or an IMAP/POP3 (or ManageSieve) server's name that Courier, Cyrus and UW IMAP share
 * (`imapd`, `pop3d`), which only the message tells apart.
 */
export type MailProgram = 'postfix' | 'dovecot' | 'sendmail' | 'exim' | 'courier-smtp' | 'imap-pop';

const DOVECOT = 'dovecot';
/** sendmail's names: Fedora's and Red Hat's `sendmail`, the BSDs' and Debian's `sm-mta`, and its listener's. */
const SENDMAIL = ['sendmail', 'sm-mta', 'sm-acceptingconnections'];
/** Exim's name, and Debian's for its Exim 4 packages. */
const EXIM = ['exim', 'exim4'];
const POSTFIX = 'postfix';
const SMTPD = '/smtpd';
/** postscreen, the SMTP triage before smtpd, which judges clients that break the protocol. */
const POSTSCREEN = '/postscreen';
/** Courier's SMTP server, and its mail submission agent's. */
const COURIER_SMTP = ['courieresmtpd', 'courieresmtpd-msa'];
/**
 * Courier's (`imapd`, `imapd-ssl`, `pop3d`, `courierpop3login`, ...), Cyrus's (`cyrus/imap`,
 * `cyrus/pop3s`, `imapd`, its ManageSieve server's `timsieved`, `sieve`), UW IMAP's (`imapd`,
 * `ipop3d`) and solid-pop3d's program names.
 */
const IMAP_POP = /^(?:cyrus\/|courier|solid-)?(?:imap|i?pop3|(?:tim)?sieve)(?:d|s)?(?:login)?(?:-ssl)?$/;
/** How those names start: no string is made for a program whose name starts otherwise (systemd, snmpd). */
const IMAP_POP_STARTS = ['imap', 'ipop3', 'pop3', 'cyrus/', 'courier', 'sieve', 'solid-', 'timsieve'];

/**
 * The mail server that the program name `text` holds from `start` to `end` stands for, or
 * undefined. Postfix's SMTP server logs as `postfix/smtpd`, or under a service or instance name
 * (`postfix/submission/smtpd`, `postfix-incoming/smtpd`), and its triage as `postfix/postscreen`;
 * Dovecot as `dovecot`; sendmail as `sendmail`, `sm-mta` or `sm-acceptingconnections`; Exim as
 * `exim` or `exim4`; Courier's SMTP server as `courieresmtpd`. No string is made for Postfix's or
 * Dovecot's names or for a name that cannot be an IMAP/POP3 server's.
 */
export function mailServerAt(text: string, start: number, end: number): MailProgram | undefined {
  const length = end - start;
  if (length === DOVECOT.length && text.startsWith(DOVECOT, start)) return 'dovecot';
  for (const name of SENDMAIL) if (length === name.length && text.startsWith(name, start)) return 'sendmail';
  for (const name of EXIM) if (length === name.length && text.startsWith(name, start)) return 'exim';
  for (const name of COURIER_SMTP)
    if (length === name.length && text.startsWith(name, start)) return 'courier-smtp';
  if (length >= POSTFIX.length + SMTPD.length && length <= 64 && text.startsWith(POSTFIX, start))
    return text.startsWith(SMTPD, end - SMTPD.length) || text.startsWith(POSTSCREEN, end - POSTSCREEN.length)
      ? 'postfix'
      : undefined;
  if (length > 24) return undefined;
  for (const name of IMAP_POP_STARTS)
    if (text.startsWith(name, start)) return IMAP_POP.test(text.slice(start, end)) ? 'imap-pop' : undefined;
  return undefined;
}

/** The protocol an IMAP/POP3 (or ManageSieve) server's program name serves. */
export function imapOrPop(program: string): MailboxService {
  return program.includes('pop3') ? 'pop3' : program.includes('sieve') ? 'managesieve' : 'imap';
}

export type MailboxService = 'imap' | 'pop3' | 'managesieve';
