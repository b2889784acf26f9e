import { isHostName, normalizeIp } from '../sshd/parse-address.ts';

/**
 * What an SMTP server's line says of a client that tried no login: a recipient it refused (Postfix's,
 * sendmail's, Exim's reject lines), or a connection that ended without a mail.
 */
export interface SmtpRefusal {
  /** The server that wrote the line (`event.module`). */
  server: 'postfix' | 'sendmail' | 'exim' | 'courier';
  /**
   * `relay`: a recipient elsewhere, which only its own users may send to; `unknown-recipient`: none
   * such here; `no-mail`: a connection that ended without a mail (see matchSmtpNoMail);
   * `protocol`: a client that broke the protocol as bots do (see matchPostfixViolation).
   */
  kind: 'relay' | 'unknown-recipient' | 'no-mail' | 'protocol';
  ip: string;
  domain: string | undefined;
  /** The SMTP command refused (`RCPT`, `VRFY`; `CONNECT` for a connection without mail). */
  command: string;
  /** The recipient the client named (none in Postfix's answer to some VRFYs). */
  recipient: string | undefined;
  reason: string;
}

/**
 * `NOQUEUE: reject: RCPT from NAME[ADDR]: 554 5.7.1 <RCPT>: Relay access denied; from=<...> to=<...>`
 * (a queue id for NOQUEUE once the mail has one; VRFY too). NAME is the client's verified name or
 * `unknown`, ADDR Postfix's own; RCPT and all after it are the client's words.
 */
const REJECT =
  /^(?:NOQUEUE|[0-9A-Za-z]{5,20}): reject: (RCPT|VRFY) from ([A-Za-z0-9.-]{1,253})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?: [45]\d\d [45]\.\d{1,3}\.\d{1,3} (?:<([^>]{0,320})>)?: /;
const RELAY = 'Relay access denied';
/**
 * Postfix's words for a recipient it does not have: not in its local, virtual or relay recipient
 * tables, or refused by the server behind it when Postfix asked (recipient verification).
 */
const UNKNOWN_RECIPIENT = /^Recipient address rejected: (?:User unknown|undeliverable address)/;

/**
 * A Postfix smtpd `reject:` of a recipient that says something of the client, or undefined: a relay
 * refused (an open-relay probe, a spammer) or a recipient unknown (a directory harvest guesses
 * addresses). Postfix's other rejections (HELO, the sender, blocklists) judge spam, not an attacker.
 */
export function matchPostfixReject(message: string): SmtpRefusal | undefined {
  const found = REJECT.exec(message);
  if (found === null) return undefined;
  const words = message.slice(found[0].length);
  const end = words.indexOf(';');
  const reason = end < 0 ? words : words.slice(0, end);
  const kind = reason.startsWith(RELAY)
    ? 'relay'
    : UNKNOWN_RECIPIENT.test(reason)
      ? 'unknown-recipient'
      : undefined;
  const ip = normalizeIp(found[3] as string);
  if (kind === undefined || ip === undefined) return undefined;
  const name = found[2] as string;
  return {
    server: 'postfix',
    kind,
    ip,
    domain: name !== 'unknown' && isHostName(name) ? name : undefined,
    command: found[1] as string,
    recipient: found[4] === undefined || found[4] === '' ? undefined : found[4],
    reason,
  };
}
