import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parseRemoteId, setAddress } from './parse-remote.ts';
import { stripPreauth } from './match-login.ts';

const TOO_MANY = 'Too many authentication failures';

/**
 * `Disconnecting: Too many authentication failures[ for USER] [preauth]` (OpenSSH < 7.6) or
 * `Disconnecting (authenticating|invalid) user USER ADDR port N: Too many authentication failures [preauth]`.
 * sshd follows MaxAuthTries with it, so it is its own action, not a login attempt.
 */
export function matchDisconnecting(message: string): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const reasonAt = text.lastIndexOf(': ' + TOO_MANY);
  if (reasonAt < 13) return NOT_AUTH;
  const auth = createSshdAuth('ssh_too_many_auth_failures', 'failure', 'trailing');
  const tail = text.slice(reasonAt + 2 + TOO_MANY.length);
  if (tail.startsWith(' for ')) {
    const user = tail.slice(5);
    auth.user = user.startsWith('invalid user ') ? user.slice(13) : user;
  } else if (tail.length > 0) {
    return MALFORMED;
  }
  if (reasonAt === 13) return auth; // "Disconnecting: ..."
  return text.charCodeAt(13) === 32 && parseRemoteId(auth, text.slice(14, reasonAt)) !== undefined
    ? auth
    : MALFORMED;
}

/**
 * `Connection closed by|Connection reset by|Disconnected from` + `authenticating user USER ADDR port N
 * [preauth]` or `invalid user ...`: the client gave up during authentication. With `user USER` it is a
 * normal logout. With just `ADDR[ port N] [preauth]`, closed or reset, a client that left after the
 * key exchange without naming a user (a scanner, ssh-keyscan, a client refusing the host key), or
 * before OpenSSH 7.5 one that had failed too: a probe (`ssh_closed_before_auth`) that the parser
 * keeps only when nothing else of its connection was logged (see count-attempts.ts). `Disconnected
 * from ADDR` follows the client's own goodbye, which its connection logged: not an auth event.
 */
export function matchPreauthClose(message: string, prefixLength: number): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const remote = text.slice(prefixLength);
  if (!remote.startsWith('authenticating user ') && !remote.startsWith('invalid user ')) {
    if (text === message)
      return message.startsWith('Disconnected') ? NOT_AUTH : matchEarlyClose(message, remote);
    if (message.startsWith('Disconnected') || remote.startsWith('user ')) return NOT_AUTH;
    const auth = createSshdAuth('ssh_closed_before_auth', 'failure', 'trailing');
    auth.reason = message.startsWith('Connection reset')
      ? 'connection reset before authentication'
      : 'connection closed before authentication';
    // Older versions write no port.
    const read = remote.includes(' port ')
      ? parseRemoteId(auth, remote) === 'none'
      : setAddress(auth, remote);
    return read ? auth : MALFORMED;
  }
  const auth = createSshdAuth('ssh_preauth_close', 'failure', 'trailing');
  return parseRemoteId(auth, remote) === undefined ? MALFORMED : auth;
}

/**
 * `Connection closed by ADDR port N` or `Connection reset by ADDR port N`, neither [preauth] nor a
 * user: since OpenSSH 8.0 the close of a connection that never sent its banner (after `error:
 * kex_exchange_identification: ...`, which names no address), what older versions log as `Did not
 * receive identification string`. Port scanners and TCP health checks.
 */
function matchEarlyClose(message: string, remote: string): SshdAuth | SshdSkip {
  // Without a port (older OpenSSH), the line does not tell this close from a session's end.
  if (remote.startsWith('user ') || !remote.includes(' port ')) return NOT_AUTH;
  const reset = message.startsWith('Connection reset');
  const auth = createSshdAuth('ssh_no_identification', 'failure');
  auth.reason = reset ? 'connection reset before identification' : 'connection closed before identification';
  return parseRemoteId(auth, remote) === 'none' ? auth : MALFORMED;
}
