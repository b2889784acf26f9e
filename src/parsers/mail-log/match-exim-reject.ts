import { normalizeIp } from '../sshd/parse-address.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * Exim's refusal of a recipient, from its ACLs' defaults: `H=HOST [ADDR]:PORT I=[...]:25
 * F=<SENDER> rejected RCPT <RCPT>: relay not permitted` (the message id first once it has one),
 * or `... rejected RCPT <RCPT>: Unrouteable address` for a local recipient it does not have (`Unknown
 * user` where the ACL's `message` says so, as in many configurations' recipient checks). HOST
 * is Exim's host text, as in its refused logins (see match-exim-auth.ts): nothing the client wrote
 * comes before the address. SENDER and RCPT are the client's.
 */
const REJECT =
  /^(?:[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} )?H=(?:([A-Za-z0-9_.-]{1,255}) )?(?:\([^\s()]{0,255}\) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?(?: I=\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?)?(?: U=[^\s:]{1,255})? (?:F=<?[^\s>]{0,320}>? )?rejected RCPT <?([^\s>]{0,320})>?: (relay not permitted|Unrouteable address|Unknown user)$/;

/** A recipient Exim refused that says something of the client (see matchPostfixReject), or undefined. */
export function matchEximReject(message: string): SmtpRefusal | undefined {
  const found = REJECT.exec(message);
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (found === null || ip === undefined) return undefined;
  const reason = found[4] as string;
  return {
    server: 'exim',
    kind: reason === 'relay not permitted' ? 'relay' : 'unknown-recipient',
    ip,
    domain: found[1],
    command: 'RCPT',
    recipient: found[3] === '' ? undefined : found[3],
    reason,
  };
}
