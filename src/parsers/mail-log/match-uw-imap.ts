import { normalizeIp } from '../sshd/parse-address.ts';
import { type MailAuthFailure, oneAttempt } from './mail-auth-failure.ts';

/** UW IMAP's refusals, its words before the client's: a password refused, too many, a user shut out, an override. */
const REFUSALS: readonly (readonly [string, string])[] = [
  ['Login failed user=', 'Login failed'],
  ['Login excessive login failures user=', 'excessive login failures'],
  ['Login disabled user=', 'Login disabled'],
  ['Failed uwmaster override of user=', 'failed uwmaster override'],
];
/** The client's address, which UW IMAP writes last: `host=NAME [ADDR]`. */
const ADDRESS_AT_END = / \[([0-9A-Fa-f:.]{2,45})\]\s*$/;

/**
 * The University of Washington's IMAP and POP3 servers (`imapd`, `ipop3d`) on a refused login:
 * `Login failed user=U auth=A host=NAME [ADDR]`, and its refusals after too many failures, of a
 * disabled user and of an administrator's override. One line is one attempt. The client writes U
 * and A (and may put ` host=` or `[` in them): the address is read from the line's end, where the
 * server writes it last, and U up to the first ` auth=` or ` host=` after it. Undefined for any other
 * message.
 */
export function matchUwImapLogin(message: string, service: 'imap' | 'pop3'): MailAuthFailure | undefined {
  const refusal = REFUSALS.find(([start]) => message.startsWith(start));
  if (refusal === undefined) return undefined;
  const address = ADDRESS_AT_END.exec(message);
  const ip = address === null ? undefined : normalizeIp(address[1] as string);
  if (ip === undefined) return undefined;
  const start = refusal[0].length;
  const ends = [message.indexOf(' auth=', start), message.indexOf(' host=', start)].filter((at) => at >= 0);
  const user = ends.length === 0 ? '' : message.slice(start, Math.min(...ends));
  return oneAttempt('uw-imap', service, user, ip, refusal[1]);
}
