import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import { dovecotConnection } from './match-dovecot-auth.ts';

const LOGIN = '-login: ';
const AUTH_FAILED = '(auth failed, ';
const USER = 'user=<';
const RIP = ' rip=';
/** More failed attempts than this on one connection are counted as this many. */
export const MOST_ATTEMPTS = 100;

/**
 * Dovecot's login process when a client that failed to log in goes: `imap-login: Disconnected
 * (auth failed, N attempts[ in S secs]): user=<U>, method=M, rip=ADDR, lip=...` (also `Aborted
 * login`, `Disconnected: Inactivity`, 2.3's `Login aborted: ... (auth_failed)`, an `Info: ` before
 * it). It is logged however authentication is configured, once a connection, and counts the
 * connection's failed attempts: N attempts. The client writes U and may put `rip=` or `(auth
 * failed, N attempts` in it: the count is read only before `user=<`, the address is the last
 * ` rip=`, which Dovecot writes after the user, and U ends at the last `>` before it. Undefined for any other message (`no auth attempts`, `tried to use disabled
 * plaintext auth`: no password tried).
 */
export function matchDovecotLogin(message: string): MailAuthFailure | undefined {
  const login = message.indexOf(LOGIN);
  if (login < 1 || login > 16) return undefined;
  const service = message.slice(0, login);
  if (!/^[a-z0-9]+$/.test(service)) return undefined;
  const failed = message.indexOf(AUTH_FAILED, login + LOGIN.length);
  if (failed < 0) return undefined;
  // Dovecot writes its reason before the user; one found after `user=<` is the client's text.
  const userAt = message.indexOf(USER, login + LOGIN.length);
  if (userAt >= 0 && userAt < failed) return undefined;
  const digits = /^(\d{1,6}) attempt/.exec(
    message.slice(failed + AUTH_FAILED.length, failed + AUTH_FAILED.length + 16),
  );
  if (digits === null) return undefined;
  const attempts = Math.min(Number(digits[1]), MOST_ATTEMPTS);
  if (attempts === 0) return undefined;
  const rip = message.lastIndexOf(RIP);
  if (rip < failed) return undefined;
  let ripEnd = message.indexOf(',', rip + RIP.length);
  if (ripEnd < 0) ripEnd = message.length;
  const ip = normalizeIp(message.slice(rip + RIP.length, ripEnd).trim());
  if (ip === undefined) return undefined;
  return {
    server: 'dovecot',
    service,
    attempts,
    user: userBefore(message, failed, rip),
    ip,
    domain: undefined,
    port: undefined,
    reason: `auth failed, ${attempts} attempt${attempts === 1 ? '' : 's'}`,
    // A sum of the attempts whose verdicts the auth process may have logged already.
    connection: dovecotConnection(ip),
    summary: true,
  };
}

/** The user between the first `user=<` after `from` and the last `>` before `to`; undefined when empty. */
function userBefore(message: string, from: number, to: number): string | undefined {
  const start = message.indexOf(USER, from);
  if (start < 0 || start > to) return undefined;
  const end = message.lastIndexOf('>', to);
  if (end <= start + USER.length) return undefined;
  return message.slice(start + USER.length, end);
}
