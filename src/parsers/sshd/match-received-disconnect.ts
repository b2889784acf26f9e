import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parsePort, setAddress } from './parse-remote.ts';
import { stripPreauth } from './match-login.ts';

/**
 * `[error: ]Received disconnect from ADDR[ port N]:[ ]CODE: TEXT[ [preauth]]`. When TEXT says
 * `Auth fail` (Java's JSch gives up after a wrong password) it is an attempt unless the connection
 * already logged one; any other disconnect before authentication (`11: Bye Bye [preauth]`, mostly
 * scanners) is recorded but never counted; after authentication it says nothing about a login.
 */
export function matchReceivedDisconnect(message: string, prefixLength: number): SshdAuth | SshdSkip {
  const preauth = message.endsWith(' [preauth]');
  const text = stripPreauth(message);
  const authFail = text.endsWith('Auth fail');
  if (!preauth && !authFail) return NOT_AUTH;
  const auth = authFail
    ? createSshdAuth('ssh_auth_fail_disconnect', 'failure', 'trailing')
    : createSshdAuth('ssh_preauth_disconnect', 'failure', 'never');
  // `ADDR port N:CODE: ...` or old `ADDR: CODE: ...`; an IPv6 address holds colons but no `: `.
  const portAt = text.indexOf(' port ', prefixLength);
  let remote: string;
  if (portAt >= 0) {
    const colonAt = text.indexOf(':', portAt);
    auth.port = colonAt < 0 ? undefined : parsePort(text.slice(portAt + 6, colonAt));
    if (auth.port === undefined) return MALFORMED;
    remote = text.slice(prefixLength, portAt);
  } else {
    const colonAt = text.indexOf(': ', prefixLength);
    if (colonAt < 0) return MALFORMED;
    remote = text.slice(prefixLength, colonAt);
  }
  return setAddress(auth, remote) ? auth : MALFORMED;
}
