import { createSshdAuth, MALFORMED, NOT_AUTH, type SshdAuth, type SshdSkip } from './sshd-auth.ts';
import { parsePort, setAddress } from './parse-remote.ts';

/**
 * Dropbear, the SSH server of OpenWrt, BusyBox firmware and many appliances, logs under its own
 * program name and in its own words (svr-auth.c, svr-authpasswd.c, svr-authpam.c,
 * svr-authpubkey.c, svr-session.c). Its messages become the events OpenSSH's do, so the SSH rules
 * read both alike:
 *
 * - `Bad password attempt for 'USER' from ADDR:PORT` (and `Bad PAM password ...`, `Too-long password
 *   ...`): one attempt each, `ssh_login` `Failed`.
 * - `Login attempt for nonexistent user[ 'USER'] from ADDR:PORT`: a password for an unknown account is
 *   not logged again, so this line stands for the connection's attempts: counted once (PAM builds log
 *   `Bad PAM password attempt for '<invalid username>'` for each, which then count the rest).
 * - `Exit before auth from <ADDR:PORT>: [(user 'USER', N fails): ]REASON`: `Max auth tries reached`
 *   and a client leaving after failures are summaries, counted only when nothing else of the
 *   connection was logged; `Timeout before auth`, `No matching algo ...` and `Incompatible remote
 *   version '...'` are probes, as OpenSSH's LoginGraceTime, negotiation and banner errors.
 * - `Password|PAM password|Pubkey auth succeeded for 'USER' ...` and `Auth succeeded with blank
 *   password ...`: `Accepted`. `..., extra auth required` is a partial success and left out.
 *
 * Versions before 2013 wrote the first word in lower case; Debian's once added ` from ADDR:PORT`
 * after `Max auth tries reached - user 'USER'` instead of `from <ADDR:PORT>` after `auth`.
 * ADDR:PORT has the port after the last colon (IPv6 is not bracketed).
 */
export function classifyDropbearMessage(message: string): SshdAuth | SshdSkip {
  const known = findMessage(message, 0);
  return known === undefined ? NOT_AUTH : known.match(message, known.text.length);
}

/** False only where classifyDropbearMessage surely gives `sshd-not-auth`: lets a reader skip unsliced. */
export function mayClassifyDropbearMessage(text: string, start: number): boolean {
  return findMessage(text, start) !== undefined;
}

interface DropbearMessage {
  /** The message's start; its first letter matches in either case. */
  text: string;
  match(message: string, after: number): SshdAuth | SshdSkip;
}

const MESSAGES: DropbearMessage[] = [
  { text: 'Bad password attempt for ', match: (message, at) => matchFailed(message, at) },
  { text: 'Bad PAM password attempt for ', match: (message, at) => matchFailed(message, at) },
  {
    text: 'Too-long password attempt for ',
    match: (message, at) => matchFailed(message, at, 'password too long'),
  },
  { text: 'Login attempt for nonexistent user', match: matchNonexistentUser },
  { text: 'Login attempt with wrong user ', match: matchWrongUser },
  { text: 'Password auth succeeded for ', match: (message, at) => matchAccepted(message, at, 'password') },
  {
    text: 'PAM password auth succeeded for ',
    match: (message, at) => matchAccepted(message, at, 'password'),
  },
  {
    text: 'Auth succeeded with blank password for ',
    match: (message, at) => matchAccepted(message, at, 'password'),
  },
  { text: 'Pubkey auth succeeded for ', match: (message, at) => matchAccepted(message, at, 'publickey') },
  { text: 'Pubkey auth bad signature for ', match: matchBadSignature },
  { text: 'Exit before auth', match: matchExitBeforeAuth },
];

// Each message's first letter in lower case (`| 0x20`), and the rest, matched as written.
const FIRSTS = MESSAGES.map((known) => known.text.charCodeAt(0) | 0x20);
const TAILS = MESSAGES.map((known) => known.text.slice(1));

function findMessage(text: string, start: number): DropbearMessage | undefined {
  const first = text.charCodeAt(start) | 0x20;
  for (let index = 0; index < MESSAGES.length; index++)
    if (FIRSTS[index] === first && text.startsWith(TAILS[index] as string, start + 1)) return MESSAGES[index];
  return undefined;
}

const EXTRA_AUTH = ', extra auth required';
const QUOTE_FROM = "' from ";

/** `'USER' from ADDR:PORT`: a bad password for an account that exists. */
function matchFailed(message: string, at: number, reason?: string): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_login', 'failure', 'attempt');
  auth.sshEvent = 'Failed';
  auth.method = 'password';
  auth.reason = reason;
  return readUserFrom(auth, message, at) ? auth : MALFORMED;
}

/** ` from ADDR:PORT` or ` 'USER' from ADDR:PORT` (the name as the client sent it, in some builds). */
function matchNonexistentUser(message: string, at: number): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_login', 'failure', 'leading');
  auth.sshEvent = 'Failed';
  auth.reason = 'nonexistent user';
  if (message.startsWith(' from ', at))
    return setAddressColonPort(auth, message.slice(at + 6)) ? auth : MALFORMED;
  return message.charCodeAt(at) === 32 && readUserFrom(auth, message, at + 1) ? auth : MALFORMED;
}

/** `USER from ADDR:PORT`: dropbear runs as one user and USER is another; nothing else is logged. */
function matchWrongUser(message: string, at: number): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_login', 'failure', 'alone');
  auth.sshEvent = 'Failed';
  auth.reason = 'not the user dropbear runs as';
  const fromAt = message.lastIndexOf(' from ');
  if (fromAt <= at) return MALFORMED;
  auth.user = message.slice(at, fromAt);
  return setAddressColonPort(auth, message.slice(fromAt + 6)) ? auth : MALFORMED;
}

/** `'USER' from ADDR:PORT` (password) or `'USER' with [TYPE ]key FINGERPRINT from ADDR:PORT` (publickey). */
function matchAccepted(message: string, at: number, method: string): SshdAuth | SshdSkip {
  if (message.endsWith(EXTRA_AUTH)) return NOT_AUTH;
  const auth = createSshdAuth('ssh_login', 'success');
  auth.sshEvent = 'Accepted';
  auth.method = method;
  if (method === 'password') return readUserFrom(auth, message, at) ? auth : MALFORMED;
  return readUserWithKey(auth, message, at) ? auth : MALFORMED;
}

/** `'USER' with key FINGERPRINT from ADDR:PORT`: a key that did not sign, as OpenSSH's `Failed publickey`. */
function matchBadSignature(message: string, at: number): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_publickey_rejected', 'failure', 'seen');
  auth.method = 'publickey';
  return readUserWithKey(auth, message, at) ? auth : MALFORMED;
}

const MAX_TRIES = 'Max auth tries reached';

/**
 * After `exit before auth`: ` from <ADDR:PORT>: ` (2020 and later) or `: ` or ` `, then
 * `(user 'USER', N fails): ` once the client named an existing account, then the reason.
 */
function matchExitBeforeAuth(message: string, at: number): SshdAuth | SshdSkip {
  const auth = createSshdAuth('ssh_max_auth_attempts', 'failure', 'trailing');
  let rest: number;
  if (message.startsWith(' from <', at)) {
    const close = message.indexOf('>: ', at + 7);
    if (close < 0 || !setAddressColonPort(auth, message.slice(at + 7, close))) return MALFORMED;
    rest = close + 3;
  } else if (message.startsWith(': ', at)) rest = at + 2;
  else if (message.charCodeAt(at) === 32) rest = at + 1;
  else return NOT_AUTH;
  let fails = 0;
  if (message.startsWith("(user '", rest)) {
    const userEnd = message.indexOf("', ", rest + 7);
    const failsEnd = userEnd < 0 ? -1 : message.indexOf(' fails): ', userEnd + 3);
    const count = failsEnd < 0 ? undefined : parseCount(message.slice(userEnd + 3, failsEnd));
    if (count === undefined) return MALFORMED;
    auth.user = message.slice(rest + 7, userEnd);
    fails = count;
    rest = failsEnd + 9;
  }
  if (message.startsWith(MAX_TRIES, rest)) {
    // Debian's patch: `Max auth tries reached - user 'USER' from ADDR:PORT`.
    const fromAt = message.lastIndexOf(QUOTE_FROM);
    if (auth.address === undefined && fromAt > rest) {
      if (!setAddressColonPort(auth, message.slice(fromAt + QUOTE_FROM.length))) return MALFORMED;
    }
    return auth;
  }
  if (auth.address === undefined) return NOT_AUTH;
  const probe = probeOf(message, rest);
  if (probe !== undefined) {
    const found = createSshdAuth(probe, 'failure');
    found.address = auth.address;
    found.ip = auth.ip;
    found.domain = auth.domain;
    found.port = auth.port;
    found.reason = message.slice(rest);
    return found;
  }
  if (fails === 0) return NOT_AUTH;
  auth.action = 'ssh_preauth_close';
  return auth;
}

function probeOf(message: string, at: number): SshdAuth['action'] | undefined {
  if (message.startsWith('Timeout before auth', at)) return 'ssh_login_grace_timeout';
  if (message.startsWith('No matching algo', at) || message.startsWith('no matching algo', at))
    return 'ssh_negotiation_failed';
  if (message.startsWith('Incompatible remote version', at)) return 'ssh_bad_protocol';
  return undefined;
}

/** `'USER' from ADDR:PORT` from `at` to the end; USER may hold quotes and ` from `, the last is dropbear's. */
function readUserFrom(auth: SshdAuth, message: string, at: number): boolean {
  const fromAt = message.lastIndexOf(QUOTE_FROM);
  if (message.charCodeAt(at) !== 39 /* ' */ || fromAt <= at) return false;
  setUser(auth, message.slice(at + 1, fromAt));
  return setAddressColonPort(auth, message.slice(fromAt + QUOTE_FROM.length));
}

/** `'USER' with ... from ADDR:PORT` (USER is an existing account's name). */
function readUserWithKey(auth: SshdAuth, message: string, at: number): boolean {
  const withAt = message.indexOf("' with ", at + 1);
  const fromAt = message.lastIndexOf(' from ');
  if (message.charCodeAt(at) !== 39 || withAt < 0 || fromAt <= withAt) return false;
  setUser(auth, message.slice(at + 1, withAt));
  auth.signature = message.slice(withAt + 7, fromAt);
  return setAddressColonPort(auth, message.slice(fromAt + 6));
}

/** PAM builds name an unknown account `<invalid username>`: no user. */
function setUser(auth: SshdAuth, user: string): void {
  auth.user = user === '<invalid username>' ? undefined : user;
}

/** `ADDR:PORT`, the port after the last colon. */
function setAddressColonPort(auth: SshdAuth, text: string): boolean {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return false;
  auth.port = parsePort(text.slice(colon + 1));
  return auth.port !== undefined && setAddress(auth, text.slice(0, colon));
}

function parseCount(text: string): number | undefined {
  if (text.length === 0 || text.length > 6) return undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
  }
  return Number(text);
}
