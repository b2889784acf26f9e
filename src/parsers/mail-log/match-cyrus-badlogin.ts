import { normalizeIp } from '../sshd/parse-address.ts';
import { type MailAuthFailure, oneAttempt } from './mail-auth-failure.ts';
import type { MailboxService } from './mail-programs.ts';

const BADLOGIN = 'badlogin: ';
const PLAINTEXT = ' plaintext ';
/**
 * SASL's `authentication failure` and `user not found`: a password tried and refused; timsieved
 * writes the mechanism and `authentication failure` alone.
 */
const SASL_FAILURE =
  /\[?SASL\(-13\): (?:authentication failure|user not found): |^[A-Z0-9-]{1,20} authentication failure$/;

/**
 * Cyrus IMAP's and POP3's failed login: `badlogin: NAME [ADDR] MECH [SASL(-13): authentication
 * failure: ...]`, or for a plain password `badlogin: NAME [ADDR] plaintext U SASL(-13): ...` (NAME
 * the client's reverse name, perhaps none; `NAME[ADDR]` without the space too). One line is one
 * attempt. The address comes first, before anything the client sent (a NAME over 255 characters is
 * no reverse name); U runs to the last `SASL(`
 * (Cyrus's error, written after it). Failures other than SASL's `-13` (no password tried) are not
 * read. Undefined for any other message.
 */
export function matchCyrusBadlogin(message: string, service: MailboxService): MailAuthFailure | undefined {
  if (!message.startsWith(BADLOGIN)) return undefined;
  const open = message.indexOf('[', BADLOGIN.length);
  const close = open < 0 ? -1 : message.indexOf('] ', open);
  if (close < 0 || open - BADLOGIN.length > 255) return undefined;
  const ip = normalizeIp(message.slice(open + 1, close));
  if (ip === undefined) return undefined;
  const rest = message.slice(close + 2);
  const sasl = SASL_FAILURE.exec(rest);
  if (sasl === null) return undefined;
  let user: string | undefined;
  if (rest.toLowerCase().startsWith(PLAINTEXT.slice(1))) {
    const error = rest.lastIndexOf(' SASL(');
    if (error > PLAINTEXT.length - 1) user = rest.slice(PLAINTEXT.length - 1, error);
  }
  const reason = rest.includes('SASL(') ? rest.slice(rest.indexOf('SASL(')).replace(/\]$/, '') : rest;
  // NAME is the client's reverse lookup, which whoever holds the address writes: not kept.
  return oneAttempt('cyrus', service, user, ip, reason);
}
