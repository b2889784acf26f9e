import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parseUserFrom } from './parse-remote.ts';

const PREFIX = 'error: PAM: ';

/**
 * `error: PAM: REASON for [illegal user ]USER from HOST[ via ADDR]` (FreeBSD, macOS, Solaris: PAM's
 * verdict on keyboard-interactive or password, e.g. `Authentication failure`, `authentication error`,
 * `User not known to the underlying authentication module`). HOST may be a name; ADDR after `via` is
 * the local interface, not the client. Counted as the attempt when no Failed line repeats it.
 */
export function matchBsdPamError(message: string): SshdAuth | SshdSkip {
  const forAt = message.indexOf(' for ', PREFIX.length);
  if (forAt < 0) return NOT_AUTH;
  const auth = createSshdAuth('ssh_pam_error', 'failure', 'leading');
  auth.reason = 'PAM: ' + message.slice(PREFIX.length, forAt);
  let rest = message.slice(forAt + 5).trimEnd();
  if (rest.startsWith('illegal user ') || rest.startsWith('invalid user ')) rest = rest.slice(13);
  const viaAt = rest.lastIndexOf(' via ');
  if (viaAt > 0) rest = rest.slice(0, viaAt);
  return parseUserFrom(auth, rest, false) ? auth : MALFORMED;
}
