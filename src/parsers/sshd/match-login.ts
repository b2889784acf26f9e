import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parseUserFrom } from './parse-remote.ts';

const PREAUTH = ' [preauth]';

/** Removes sshd's ` [preauth]` suffix (privilege-separated child before authentication). */
export function stripPreauth(message: string): string {
  return message.endsWith(PREAUTH) ? message.slice(0, -PREAUTH.length) : message;
}

/** Removes `invalid user ` (or old OpenSSH's `illegal user `) in front of a user name. */
function stripInvalidUser(text: string): string {
  return text.startsWith('invalid user ') || text.startsWith('illegal user ') ? text.slice(13) : text;
}

/**
 * `Failed|Accepted METHOD for [invalid user ]USER from ADDR port N ssh2[: SIGNATURE]`: one login
 * attempt each, so `ssh_login` with Filebeat's `system.auth.ssh.*` fields; but `Failed publickey` is a
 * client offering its keys one by one, `ssh_publickey_rejected`. Old sshd wrote neither port nor
 * protocol (`from ADDR`), or `ssh1`. `Partial` and `Postponed`
 * (multi-step and not-yet-decided attempts) are not outcomes and are left out.
 */
export function matchLoginResult(message: string, result: 'Failed' | 'Accepted'): SshdAuth | SshdSkip {
  const methodStart = result.length + 1;
  const methodEnd = message.indexOf(' ', methodStart);
  if (methodEnd <= methodStart || !message.startsWith(' for ', methodEnd)) return NOT_AUTH;
  const method = methodAt(message, methodStart, methodEnd);
  const auth =
    result === 'Accepted'
      ? createSshdAuth('ssh_login', 'success')
      : method === 'publickey'
        ? createSshdAuth('ssh_publickey_rejected', 'failure', 'seen')
        : createSshdAuth('ssh_login', 'failure', 'attempt');
  auth.sshEvent = result;
  auth.method = method;
  const rest = stripInvalidUser(message.slice(methodEnd + 5));
  return parseUserFrom(auth, rest, false) ? auth : MALFORMED;
}

/** OpenSSH's authentication methods, given as these strings rather than copied out of each line. */
const METHODS = [
  'password',
  'publickey',
  'keyboard-interactive/pam',
  'keyboard-interactive',
  'none',
  'hostbased',
  'gssapi-with-mic',
];

function methodAt(message: string, start: number, end: number): string {
  for (const method of METHODS)
    if (method.length === end - start && message.startsWith(method, start)) return method;
  return message.slice(start, end);
}

/** `Invalid user USER from ADDR[ port N]`, or old OpenSSH's `Illegal user ...`: Filebeat's `Invalid` login. */
export function matchInvalidUser(message: string): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_login', 'failure', 'seen');
  auth.sshEvent = 'Invalid';
  return parseUserFrom(auth, stripPreauth(message).slice(13), false) ? auth : MALFORMED;
}

/**
 * `[error: ]maximum authentication attempts exceeded for [invalid user ]USER from ADDR port N ssh2 [preauth]`:
 * the connection hit MaxAuthTries. Its attempts were logged one by one already.
 */
export function matchMaxAttempts(message: string, prefixLength: number): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_max_auth_attempts', 'failure', 'trailing');
  const rest = stripInvalidUser(stripPreauth(message).slice(prefixLength));
  return parseUserFrom(auth, rest, true) ? auth : MALFORMED;
}
