import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { MailServer } from './mail-programs.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * Postfix 3's summary of a connection, `disconnect from NAME[ADDR]: ehlo=1 auth=0/1 quit=1
 * commands=2/3` (without the colon before 3.5's stats), one a connection: without `mail=`, the
 * client sent no mail. NAME is Postfix's verified name or `unknown`.
 */
const POSTFIX =
  /^disconnect from ([A-Za-z0-9.-]{1,253})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?:? ((?:[a-z]{2,16}=\d{1,9}(?:\/\d{1,9})? ){0,24}commands=\d{1,9}(?:\/\d{1,9})?)$/;
/** sendmail's: `QUEUEID: [NAME ][ADDR][ (may be forged)] did not issue MAIL/EXPN/VRFY/ETRN during connection to DAEMON`. */
const SENDMAIL =
  /^(?:[0-9A-Za-z]{8,20}: )?(?:([A-Za-z0-9.-]{1,253}) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?: \(may be forged\))? did not issue MAIL\/EXPN\/VRFY\/ETRN during connection to [A-Za-z0-9_.-]{1,64}$/;
/**
 * Exim's: `no MAIL in SMTP connection from [NAME ][(HELO) ][ADDR][:PORT][ I=[ADDR]:PORT] D=3s C=EHLO,QUIT`.
 * Exim refuses a HELO name with spaces or parentheses, so nothing the client wrote comes before the address.
 */
const EXIM =
  /^no MAIL in SMTP connection from (?:([A-Za-z0-9_.-]{1,255}) )?(?:\([^\s()]{0,255}\) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?(?: I=\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?)?(?: D=\S{1,32})?(?: C=\S{1,512})?$/;

/**
 * An SMTP connection that ended without a mail (a scanner, a bot testing logins or the banner), as
 * Postfix's, sendmail's or Exim's summary of it says, or undefined: `no-mail`, no recipient.
 */
export function matchSmtpNoMail(server: MailServer, message: string): SmtpRefusal | undefined {
  const pattern =
    server === 'postfix' ? POSTFIX : server === 'sendmail' ? SENDMAIL : server === 'exim' ? EXIM : undefined;
  const found = pattern?.exec(message);
  if (found === undefined || found === null) return undefined;
  if (server === 'postfix' && / ?mail=/.test(` ${found[3] as string}`)) return undefined;
  const ip = normalizeIp(found[2] as string);
  if (ip === undefined) return undefined;
  const name = found[1];
  return {
    server: server as SmtpRefusal['server'],
    kind: 'no-mail',
    ip,
    domain: name !== undefined && name !== 'unknown' && isHostName(name) ? name : undefined,
    command: 'CONNECT',
    recipient: undefined,
    reason: server === 'postfix' ? `no mail (${found[3] as string})` : 'no mail',
  };
}
