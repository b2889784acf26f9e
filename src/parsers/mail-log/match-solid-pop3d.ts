import { normalizeIp } from '../sshd/parse-address.ts';
import { type MailAuthFailure, oneAttempt } from './mail-auth-failure.ts';

/**
 * solid-pop3d's refusals, the user after its words: an unknown user, a name it cannot map, a wrong
 * password (for the user or the one it maps to), root, a user without an APOP secret.
 */
const REFUSALS: readonly (readonly [string, string])[] = [
  ['authentication failed: no such user: ', 'no such user'],
  ["authentication failed: can't map user name: ", "can't map user name"],
  ['authentication failed for mapped user ', 'authentication failed'],
  ['authentication failed for user ', 'authentication failed'],
  ['APOP authentication failed for user ', 'APOP authentication failed'],
  ["can't find APOP secret for user ", "can't find APOP secret"],
  ['root login not allowed', 'root login not allowed'],
];
const BEFORE_ADDRESS = ' - ';

/**
 * solid-pop3d's refused login: `authentication failed for user U - ADDR` and its other refusals (see
 * REFUSALS). One line is one attempt. The client writes U and may put ` - ` in it: the address is
 * after the last, which the server writes after the user. Undefined for any other message.
 */
export function matchSolidPop3dLogin(message: string): MailAuthFailure | undefined {
  const refusal = REFUSALS.find(([start]) => message.startsWith(start));
  if (refusal === undefined) return undefined;
  const dash = message.lastIndexOf(BEFORE_ADDRESS);
  if (dash < 0) return undefined;
  const ip = normalizeIp(message.slice(dash + BEFORE_ADDRESS.length).trim());
  if (ip === undefined) return undefined;
  const root = refusal[1] === 'root login not allowed';
  const user = root ? 'root' : message.slice(refusal[0].length, Math.max(refusal[0].length, dash));
  return oneAttempt('solid-pop3d', 'pop3', user, ip, refusal[1]);
}
