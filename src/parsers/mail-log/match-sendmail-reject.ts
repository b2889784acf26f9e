import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * sendmail's refusal of a recipient: `QUEUEID: ruleset=check_rcpt, arg1=<RCPT>, relay=[NAME ][ADDR][
 * (may be forged)], reject=550 5.7.1 <RCPT>... Relaying denied[...]` (`5.1.1 <RCPT>... User
 * unknown` for a recipient it does not have). The client names RCPT on both sides of the relay
 * field, so a line holding a second `, relay=` is not read.
 */
const CHECK_RCPT = /^(?:[0-9A-Za-z]{8,20}: )?ruleset=check_rcpt, arg1=<([^>]{0,320})>, relay=/;
const RELAY_FIELD =
  /^(?:([A-Za-z0-9.-]{1,253}) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?: \(may be forged\))?, reject=[45]\d\d [45]\.\d{1,3}\.\d{1,3} /;
const RELAY = ', relay=';

/** A recipient sendmail refused that says something of the client (see matchPostfixReject), or undefined. */
export function matchSendmailReject(message: string): SmtpRefusal | undefined {
  const head = CHECK_RCPT.exec(message);
  if (head === null || message.indexOf(RELAY, head[0].length) >= 0) return undefined;
  const field = RELAY_FIELD.exec(message.slice(head[0].length));
  if (field === null) return undefined;
  const words = message.slice(head[0].length + field[0].length);
  const said = words.indexOf('... ');
  const reason = said < 0 ? words : words.slice(said + 4);
  const kind = reason.startsWith('Relaying denied')
    ? 'relay'
    : reason.startsWith('User unknown')
      ? 'unknown-recipient'
      : undefined;
  const ip = normalizeIp(field[2] as string);
  if (kind === undefined || ip === undefined) return undefined;
  const name = field[1];
  return {
    server: 'sendmail',
    kind,
    ip,
    domain: name !== undefined && isHostName(name) ? name : undefined,
    command: 'RCPT',
    recipient: head[1] === '' ? undefined : head[1],
    reason: kind === 'relay' ? 'Relaying denied' : 'User unknown',
  };
}
