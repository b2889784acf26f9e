import { normalizeIp } from '../sshd/parse-address.ts';
import { type HttpAuthFailure, NOT_WEB_ERROR_LOG, WEB_ERROR_UNUSED } from './http-auth-failure.ts';

/** `2018-01-16 14:10:32: (mod_auth.c.525) `: the time (no zone) and the source line that logged. */
const HEAD = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d): \(?[a-z_]{1,32}\.c\.\d{1,6}\) /;
const IP = /,? IP: ([0-9A-Fa-f:.]{2,45})\s*$/;
const MISMATCH = "password doesn't match for ";
const USERNAME = ' username: ';
const DIGEST = 'digest: auth failed for ';
const WRONG = ' : wrong password';
const NO_SUCH_USER = 'get_password failed';
/** A digest answer for another URI than the request's: replayed or forged, no password checked. */
const URI_MISMATCH = 'digest: auth failed: uri mismatch (';

/**
 * A lighttpd error log line from mod_auth that reports a failed HTTP login (`password doesn't match
 * for PATH username: U, IP: ADDR`, digest's `auth failed for U : wrong password, IP: ADDR`, an unknown
 * user's `get_password failed, IP: ADDR`), a digest answer it refused unchecked (`digest: auth failed:
 * uri mismatch (URI != URI), IP: ADDR`, `denied`), or why it is none. lighttpd writes the address
 * last, after the user: it is read from the line's end.
 */
export function readLighttpdError(line: string): HttpAuthFailure | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_WEB_ERROR_LOG;
  const n = (index: number) => Number(head[index]);
  const time = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  const ipField = IP.exec(line);
  if (ipField === null) return WEB_ERROR_UNUSED;
  const ip = normalizeIp(ipField[1] as string);
  if (ip === undefined) return WEB_ERROR_UNUSED;
  const message = line.slice(head[0].length, ipField.index);
  const base = { server: 'lighttpd' as const, time, ip, port: undefined };
  if (message.startsWith(MISMATCH)) {
    const username = message.lastIndexOf(USERNAME);
    if (username < MISMATCH.length) return WEB_ERROR_UNUSED;
    const path = message.slice(MISMATCH.length, username);
    return {
      ...base,
      ...named(message.slice(username + USERNAME.length)),
      path,
      reason: "password doesn't match",
    };
  }
  if (message.startsWith(DIGEST) && message.endsWith(WRONG))
    return {
      ...base,
      ...named(message.slice(DIGEST.length, -WRONG.length).trim()),
      path: undefined,
      reason: 'wrong password',
    };
  if (message === NO_SUCH_USER)
    return { ...base, user: undefined, path: undefined, reason: 'user not found' };
  if (message.startsWith(URI_MISMATCH) && message.endsWith(')'))
    return { ...base, user: undefined, path: undefined, reason: 'digest uri mismatch', kind: 'denied' };
  return WEB_ERROR_UNUSED;
}

function named(user: string): { user: string | undefined } {
  return { user: user === '' ? undefined : user };
}
