import {
  createSshdAuth,
  MALFORMED,
  NOT_AUTH,
  type SshdAction,
  type SshdAuth,
  type SshdSkip,
} from './sshd-auth.ts';
import { setAddress } from './parse-remote.ts';

const AUTH_FAILURE = '(sshd:auth): authentication failure;';
const MORE_FAILURES = ' more authentication failure';

/**
 * `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=ADDR  user=USER`
 * (any PAM module). PAM's own report of a failure: sshd logs the attempt itself as `Failed ...` as well.
 */
export function matchPamFailure(message: string): SshdAuth | SshdSkip {
  const at = pamFailureAt(message, 0);
  if (at < 0) return NOT_AUTH;
  return readPamFields(message, at + AUTH_FAILURE.length, 'ssh_pam_auth_failure');
}

/** Where PAM's `(sshd:auth): authentication failure;` is in a message that starts at `start`, or -1. */
export function pamFailureAt(text: string, start: number): number {
  const at = text.indexOf(AUTH_FAILURE, start) - start;
  return at < 4 || at > 32 ? -1 : at;
}

/** Whether a message at `start` can be PAM's summary: N, at least one digit, after `PAM `. */
export function mayBePamMoreFailures(text: string, start: number): boolean {
  const code = text.charCodeAt(start + 4);
  return code >= 48 && code <= 57;
}

/** `PAM N more authentication failure[s]; ... rhost=ADDR  user=USER`: a summary when the connection ends. */
export function matchPamMoreFailures(message: string): SshdAuth | SshdSkip {
  const at = message.indexOf(MORE_FAILURES, 4);
  if (at < 5 || at > 10) return NOT_AUTH;
  for (let index = 4; index < at; index++) {
    const code = message.charCodeAt(index);
    if (code < 48 || code > 57) return NOT_AUTH;
  }
  // `failures;`, or `failure;` when N is 1.
  let end = at + MORE_FAILURES.length;
  if (message.charCodeAt(end) === 115 /* s */) end++;
  if (message.charCodeAt(end) !== 59 /* ; */) return NOT_AUTH;
  return readPamFields(message, end + 1, 'ssh_pam_more_auth_failures');
}

/** Reads `rhost=` (up to the next space) and `user=` (to the end) from PAM's key=value list. */
function readPamFields(message: string, from: number, action: SshdAction): SshdAuth | SshdSkip {
  const auth = createSshdAuth(action, 'failure');
  const hostAt = message.indexOf(' rhost=', from);
  if (hostAt >= 0) {
    const valueStart = hostAt + 7;
    let valueEnd = message.indexOf(' ', valueStart);
    if (valueEnd < 0) valueEnd = message.length;
    if (valueEnd > valueStart && !setAddress(auth, message.slice(valueStart, valueEnd))) return MALFORMED;
  }
  const userAt = message.lastIndexOf(' user=');
  if (userAt > hostAt && userAt >= from) auth.user = message.slice(userAt + 6);
  return auth;
}
