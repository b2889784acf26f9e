import { NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { matchInvalidUser, matchLoginResult, matchMaxAttempts } from './match-login.ts';
import { matchPamFailure, matchPamMoreFailures } from './match-pam.ts';
import { matchDisconnecting, matchPreauthClose } from './match-disconnect.ts';
import { matchRefusedConnect, matchRootRefused, matchUserNotAllowed } from './match-refused.ts';
import { matchBsdPamError } from './match-bsd-pam.ts';
import { matchReceivedDisconnect } from './match-received-disconnect.ts';

/**
 * Maps one sshd message (the syslog message part) to what it says about authentication.
 *
 * Each result carries its role (sshd-auth.ts); count-attempts.ts then decides per connection which
 * lines are counted attempts (`ssh_login` + `Failed`) and which repeat one and keep their own action.
 *
 * Left out as `sshd-not-auth`, though they mention authentication, because they add no attempt:
 * `input_userauth_request: invalid user X [preauth]` (repeats `Invalid user`), `pam_unix(sshd:auth):
 * check pass; user unknown` (repeats it too), `PAM service(sshd) ignoring max retries`, `Postponed`
 * and `Partial` results, `Connection closed by ADDR port N [preauth]` without a user, `Did not receive
 * identification string` and `Bad protocol version identification` (scanners that never authenticated).
 */
export function classifySshdMessage(message: string): SshdAuth | SshdSkip {
  switch (message.charCodeAt(0)) {
    case 70: // F
      return message.startsWith('Failed ') ? matchLoginResult(message, 'Failed') : NOT_AUTH;
    case 65: // A
      return message.startsWith('Accepted ') ? matchLoginResult(message, 'Accepted') : NOT_AUTH;
    case 73: // I
      return message.startsWith('Invalid user ') || message.startsWith('Illegal user ')
        ? matchInvalidUser(message)
        : NOT_AUTH;
    case 112: // p
      return message.startsWith('pam_') ? matchPamFailure(message) : NOT_AUTH;
    case 80: // P
      return message.startsWith('PAM ') ? matchPamMoreFailures(message) : NOT_AUTH;
    case 101: // e
      if (message.startsWith('error: PAM: ')) return matchBsdPamError(message);
      if (message.startsWith('error: Received disconnect from ')) return matchReceivedDisconnect(message, 32);
      return message.startsWith('error: maximum authentication attempts exceeded for ')
        ? matchMaxAttempts(message, 52)
        : NOT_AUTH;
    case 109: // m
      return message.startsWith('maximum authentication attempts exceeded for ')
        ? matchMaxAttempts(message, 45)
        : NOT_AUTH;
    case 68: // D
      if (message.startsWith('Disconnecting')) return matchDisconnecting(message);
      return message.startsWith('Disconnected from ') ? matchPreauthClose(message, 18) : NOT_AUTH;
    case 67: // C
      return message.startsWith('Connection closed by ') || message.startsWith('Connection reset by ')
        ? matchPreauthClose(message, message.charCodeAt(11) === 99 /* c */ ? 21 : 20)
        : NOT_AUTH;
    case 82: // R
      if (message.startsWith('Received disconnect from ')) return matchReceivedDisconnect(message, 25);
      return message.startsWith('ROOT LOGIN REFUSED FROM ') ? matchRootRefused(message) : NOT_AUTH;
    case 114: // r
      return message.startsWith('refused connect from ') ? matchRefusedConnect(message) : NOT_AUTH;
    case 85: // U
      return message.startsWith('User ') ? matchUserNotAllowed(message) : NOT_AUTH;
    default:
      return NOT_AUTH;
  }
}
