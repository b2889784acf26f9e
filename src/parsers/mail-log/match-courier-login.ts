import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import type { MailboxService } from './mail-programs.ts';

const LOGIN_FAILED = 'LOGIN FAILED, ';
const USER = 'user=';
const IP = ', ip=[';

/**
 * Courier's IMAP and POP3 servers on a failed login: `LOGIN FAILED, user=U, ip=[ADDR][, port=[P]]`
 * (`method=M` in place of or before the user). One line is one attempt. The client writes U and may
 * put `, ip=[` in it: the address is the last, which Courier writes after the user, and U runs up to
 * it. Undefined for any other message.
 */
export function matchCourierLogin(message: string, service: MailboxService): MailAuthFailure | undefined {
  if (!message.startsWith(LOGIN_FAILED)) return undefined;
  const ipAt = message.lastIndexOf(IP);
  if (ipAt < LOGIN_FAILED.length - 2) return undefined;
  const ipEnd = message.indexOf(']', ipAt + IP.length);
  if (ipEnd < 0) return undefined;
  const ip = normalizeIp(message.slice(ipAt + IP.length, ipEnd));
  if (ip === undefined) return undefined;
  return {
    server: 'courier',
    service,
    attempts: 1,
    user: userBefore(message, ipAt),
    ip,
    domain: undefined,
    port: undefined,
    reason: 'LOGIN FAILED',
  };
}

/** The user the fields before `end` name (the first `user=`, which Courier writes first), if any. */
function userBefore(message: string, end: number): string | undefined {
  let at = LOGIN_FAILED.length;
  // Courier's own fields before the user: `method=PLAIN, `.
  while (!message.startsWith(USER, at)) {
    const next = message.indexOf(', ', at);
    if (next < 0 || next >= end || !/^[a-z]+=/.test(message.slice(at, at + 16))) return undefined;
    at = next + 2;
  }
  const user = message.slice(at + USER.length, end);
  return user === '' ? undefined : user;
}
