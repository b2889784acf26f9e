import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parsePort, setAddress } from './parse-remote.ts';

const NOT_ALLOWED = ' not allowed because ';

/** `ROOT LOGIN REFUSED FROM ADDR[ port N]`: PermitRootLogin refused root. */
export function matchRootRefused(message: string): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_root_login_refused', 'failure', 'leading');
  auth.user = 'root';
  const text = message.endsWith(' [preauth]') ? message.slice(0, -10) : message;
  const portAt = text.indexOf(' port ', 24);
  if (portAt >= 0) {
    auth.port = parsePort(text.slice(portAt + 6));
    if (auth.port === undefined) return MALFORMED;
  }
  return setAddress(auth, text.slice(24, portAt < 0 ? text.length : portAt)) ? auth : MALFORMED;
}

/**
 * `User USER from ADDR not allowed because REASON` (AllowUsers, DenyUsers, AllowGroups, DenyGroups) or
 * `User USER not allowed because REASON` (locked account, missing shell).
 */
export function matchUserNotAllowed(message: string): SshdAuth | SshdSkip {
  const reasonAt = message.indexOf(NOT_ALLOWED, 5);
  if (reasonAt < 0) return NOT_AUTH;
  const auth = createSshdAuth('ssh_user_not_allowed', 'failure', 'leading');
  auth.reason = message.slice(reasonAt + NOT_ALLOWED.length);
  const who = message.slice(5, reasonAt);
  const fromAt = who.lastIndexOf(' from ');
  if (fromAt < 0) {
    auth.user = who;
    return auth;
  }
  auth.user = who.slice(0, fromAt);
  return setAddress(auth, who.slice(fromAt + 6)) ? auth : MALFORMED;
}

/**
 * `refused connect from [DAEMON@]HOST (ADDR)`: tcp_wrappers (hosts.deny) refused the connection before
 * sshd read a byte, so no other line reports it: one attempt.
 */
export function matchRefusedConnect(message: string): SshdAuth | SshdSkip {
  const open = message.lastIndexOf(' (');
  if (open < 20 || !message.endsWith(')')) return MALFORMED;
  const auth = createSshdAuth('ssh_refused_connect', 'failure', 'alone');
  auth.reason = 'refused by tcp_wrappers';
  return setAddress(auth, message.slice(open + 2, -1)) ? auth : MALFORMED;
}
