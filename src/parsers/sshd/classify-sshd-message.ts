import { NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { matchInvalidUser, matchLoginResult, matchMaxAttempts } from './match-login.ts';
import { mayBePamMoreFailures, matchPamFailure, matchPamMoreFailures, pamFailureAt } from './match-pam.ts';
import { matchDisconnecting, matchPreauthClose } from './match-disconnect.ts';
import { matchRefusedConnect, matchRootRefused, matchUserNotAllowed } from './match-refused.ts';
import { matchBsdPamError } from './match-bsd-pam.ts';
import { matchReceivedDisconnect } from './match-received-disconnect.ts';
import {
  FATAL,
  mayBeFatalProbe,
  matchBadProtocol,
  matchBannerExchange,
  matchDispatchFatal,
  matchFatal,
  matchGraceTimeout,
  matchMajorVersions,
  matchNegotiation,
  matchNoIdentification,
} from './match-probe.ts';

interface Classifier {
  prefix: string;
  match(message: string): SshdAuth | SshdSkip;
  /** A cheap test on the unsliced line that is false only where `match` surely gives `sshd-not-auth`. */
  may?(text: string, start: number): boolean;
}

// Per first character, in the order they are tried.
const CLASSIFIERS: Classifier[] = [
  { prefix: 'Failed ', match: (message) => matchLoginResult(message, 'Failed') },
  { prefix: 'Accepted ', match: (message) => matchLoginResult(message, 'Accepted') },
  { prefix: 'Invalid user ', match: matchInvalidUser },
  { prefix: 'Illegal user ', match: matchInvalidUser },
  { prefix: 'pam_', match: matchPamFailure, may: (text, start) => pamFailureAt(text, start) >= 0 },
  { prefix: 'PAM ', match: matchPamMoreFailures, may: mayBePamMoreFailures },
  { prefix: 'error: PAM: ', match: matchBsdPamError },
  { prefix: 'error: Received disconnect from ', match: (message) => matchReceivedDisconnect(message, 32) },
  {
    prefix: 'error: maximum authentication attempts exceeded for ',
    match: (message) => matchMaxAttempts(message, 52),
  },
  {
    prefix: 'maximum authentication attempts exceeded for ',
    match: (message) => matchMaxAttempts(message, 45),
  },
  { prefix: 'Disconnecting', match: matchDisconnecting },
  { prefix: 'Disconnected from ', match: (message) => matchPreauthClose(message, 18) },
  { prefix: 'Connection closed by ', match: (message) => matchPreauthClose(message, 21) },
  { prefix: 'Connection reset by ', match: (message) => matchPreauthClose(message, 20) },
  { prefix: 'Received disconnect from ', match: (message) => matchReceivedDisconnect(message, 25) },
  { prefix: 'ROOT LOGIN REFUSED FROM ', match: matchRootRefused },
  { prefix: 'refused connect from ', match: matchRefusedConnect },
  { prefix: 'User ', match: matchUserNotAllowed },
  { prefix: 'Did not receive identification string from ', match: matchNoIdentification },
  { prefix: 'Bad protocol version identification ', match: matchBadProtocol },
  { prefix: 'banner exchange: Connection from ', match: matchBannerExchange },
  { prefix: 'Protocol major versions differ for ', match: matchMajorVersions },
  { prefix: 'Unable to negotiate with ', match: matchNegotiation },
  { prefix: 'ssh_dispatch_run_fatal: Connection from ', match: matchDispatchFatal },
  { prefix: 'Timeout before authentication for ', match: matchGraceTimeout },
  { prefix: FATAL, match: matchFatal, may: mayBeFatalProbe },
];

const BY_FIRST_CHAR: Array<Classifier[] | undefined> = [];
for (const classifier of CLASSIFIERS)
  (BY_FIRST_CHAR[classifier.prefix.charCodeAt(0)] ??= []).push(classifier);

/**
 * Maps one sshd message (the syslog message part) to what it says about authentication.
 *
 * Each result carries its role (sshd-auth.ts); count-attempts.ts then decides per connection which
 * lines are counted attempts (`ssh_login` + `Failed`) and which repeat one and keep their own action.
 *
 * Connections that ended before authenticating (no banner, another protocol, no common algorithm,
 * LoginGraceTime run out) are probes: network events that no brute-force rule counts (match-probe.ts;
 * a close before the banner, see match-disconnect.ts).
 *
 * Left out as `sshd-not-auth`, though they mention authentication, because they add no attempt:
 * `input_userauth_request: invalid user X [preauth]` (repeats `Invalid user`), `pam_unix(sshd:auth):
 * check pass; user unknown` (repeats it too), `PAM service(sshd) ignoring max retries`, `Postponed`
 * and `Partial` results, and `Connection closed by ADDR port N [preauth]` without a user (a client
 * that left after the key exchange: ssh-keyscan, a client refusing the host key, as often as a
 * scanner). So are `error: kex_exchange_identification: ...` (the close after it names the address)
 * and `fatal: no matching mac found`, which name no address.
 */
export function classifySshdMessage(message: string): SshdAuth | SshdSkip {
  const classifier = findClassifier(message, 0);
  return classifier === undefined ? NOT_AUTH : classifier.match(message);
}

/**
 * Whether the message that starts at `start` in `text` may say something about authentication; false
 * only when classifySshdMessage surely gives `sshd-not-auth`. Lets a reader skip a line unsliced.
 */
export function mayClassifySshdMessage(text: string, start: number): boolean {
  const classifier = findClassifier(text, start);
  return classifier !== undefined && (classifier.may === undefined || classifier.may(text, start));
}

function findClassifier(text: string, start: number): Classifier | undefined {
  const candidates = BY_FIRST_CHAR[text.charCodeAt(start)];
  if (candidates === undefined) return undefined;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index] as Classifier;
    if (text.startsWith(candidate.prefix, start)) return candidate;
  }
  return undefined;
}
