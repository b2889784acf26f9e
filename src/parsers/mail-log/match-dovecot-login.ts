import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';
import { dovecotConnection } from './match-dovecot-auth.ts';

const LOGIN = '-login: ';
const AUTH_FAILED = '(auth failed, ';
/** A master user's login whose authorisation as the user failed: its attempts are counted alike. */
const AUTHORIZATION_FAILED = '(authorization failed, ';
/** A proxy's login the server behind it refused (Dovecot as a proxy or director): one attempt. */
const PROXY_DEST_AUTH_FAILED = '(proxy dest auth failed)';
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
 * plaintext auth`: no password tried). Also `(authorization failed, N attempts ...)` (a master user's
 * login as a user it may not be) and a proxy's `(proxy dest auth failed)`, one attempt the server
 * behind it refused.
 */
export function matchDovecotLogin(message: string): MailAuthFailure | undefined {
  const login = message.indexOf(LOGIN);
  if (login < 1 || login > 16) return undefined;
  const service = message.slice(0, login);
  if (!/^[a-z0-9]+$/.test(service)) return undefined;
  const found = reasonAt(message, login + LOGIN.length);
  if (found === undefined) return undefined;
  const [failed, words, proxied] = found;
  // Dovecot writes its reason before the user; one found after `user=<` is the client's text.
  const userAt = message.indexOf(USER, login + LOGIN.length);
  if (userAt >= 0 && userAt < failed) return undefined;
  let attempts = 1;
  if (!proxied) {
    const digits = /^(\d{1,6}) attempt/.exec(
      message.slice(failed + words.length, failed + words.length + 16),
    );
    if (digits === null) return undefined;
    attempts = Math.min(Number(digits[1]), MOST_ATTEMPTS);
  }
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
    reason: proxied
      ? 'proxy dest auth failed'
      : `${words.slice(1, -2)}, ${attempts} attempt${attempts === 1 ? '' : 's'}`,
    // A sum of the attempts whose verdicts the auth process may have logged already.
    connection: dovecotConnection(ip),
    summary: true,
  };
}

/**
 * Where the first of Dovecot's failure reasons after `from` starts, its words, and whether it is a
 * proxy's (no count of attempts); undefined for none.
 */
function reasonAt(message: string, from: number): [number, string, boolean] | undefined {
  let best: [number, string, boolean] | undefined;
  for (const words of [AUTH_FAILED, AUTHORIZATION_FAILED, PROXY_DEST_AUTH_FAILED]) {
    const at = message.indexOf(words, from);
    if (at >= 0 && (best === undefined || at < best[0])) best = [at, words, words === PROXY_DEST_AUTH_FAILED];
  }
  return best;
}

/** The user between the first `user=<` after `from` and the last `>` before `to`; undefined when empty. */
function userBefore(message: string, from: number, to: number): string | undefined {
  const start = message.indexOf(USER, from);
  if (start < 0 || start > to) return undefined;
  const end = message.lastIndexOf('>', to);
  if (end <= start + USER.length) return undefined;
  return message.slice(start + USER.length, end);
}
