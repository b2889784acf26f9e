import {
  createSshdAuth,
  MALFORMED,
  NOT_AUTH,
  type SshdAction,
  type SshdAuth,
  type SshdSkip,
} from './sshd-auth.ts';
import { parsePort, parseRemoteId, setAddress } from './parse-remote.ts';
import { stripPreauth } from './match-login.ts';

/**
 * Connections that ended before any authentication: scanners reading the banner, clients of other
 * protocols (an HTTP `GET`, a TLS hello), clients that offer only algorithms the server refuses, and
 * connections left open until LoginGraceTime (regreSSHion, CVE-2024-6387, needs thousands of them).
 * None is a login attempt (role `never`): brute-force rules do not count them; probing rules do.
 */
function probe(action: SshdAction, reason: string): SshdAuth {
  const auth = createSshdAuth(action, 'failure');
  auth.reason = reason;
  return auth;
}

/** `ADDR` or `ADDR port N`, the whole of `text`. */
function setAddressPort(auth: SshdAuth, text: string): boolean {
  const portAt = text.lastIndexOf(' port ');
  if (portAt < 0) return setAddress(auth, text);
  auth.port = parsePort(text.slice(portAt + 6));
  return auth.port !== undefined && setAddress(auth, text.slice(0, portAt));
}

const NO_IDENTIFICATION = 'Did not receive identification string from ';

/** `Did not receive identification string from ADDR[ port N]`: the client sent no SSH banner at all. */
export function matchNoIdentification(message: string): SshdAuth | SshdSkip {
  const auth = probe('ssh_no_identification', 'no identification string');
  return setAddressPort(auth, stripPreauth(message).slice(NO_IDENTIFICATION.length)) ? auth : MALFORMED;
}

/**
 * `Bad protocol version identification 'BANNER' from ADDR[ port N]`: the client's first line was
 * not an SSH banner. BANNER is the client's and may itself hold ` from ADDR`: sshd's address is the
 * last one.
 */
export function matchBadProtocol(message: string): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const fromAt = text.lastIndexOf("' from ");
  const auth = probe('ssh_bad_protocol', 'bad protocol version identification');
  return fromAt >= 0 && setAddressPort(auth, text.slice(fromAt + 7)) ? auth : MALFORMED;
}

const BANNER_EXCHANGE = 'banner exchange: Connection from ';

/** `banner exchange: Connection from ADDR port N: REASON` (OpenSSH 8.4 and later). */
export function matchBannerExchange(message: string): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const reasonAt = text.indexOf(': ', BANNER_EXCHANGE.length);
  if (reasonAt < 0) return MALFORMED;
  const auth = probe('ssh_bad_protocol', `banner exchange: ${text.slice(reasonAt + 2)}`);
  return setAddressPort(auth, text.slice(BANNER_EXCHANGE.length, reasonAt)) ? auth : MALFORMED;
}

const MAJOR_VERSIONS = 'Protocol major versions differ for ';

/** `Protocol major versions differ for ADDR[ port N]: OURS vs. THEIRS` (an SSH-1 client: Nmap's probe). */
export function matchMajorVersions(message: string): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const reasonAt = text.indexOf(': ', MAJOR_VERSIONS.length);
  const auth = probe('ssh_bad_protocol', 'protocol major versions differ');
  return reasonAt >= 0 && setAddressPort(auth, text.slice(MAJOR_VERSIONS.length, reasonAt))
    ? auth
    : MALFORMED;
}

const NEGOTIATE = 'Unable to negotiate with ';
const OFFER = '. Their offer: ';

/** `Unable to negotiate with ADDR port N: no matching WHAT found. Their offer: ...` */
export function matchNegotiation(message: string): SshdAuth | SshdSkip {
  const text = stripPreauth(message);
  const reasonAt = text.indexOf(': ', NEGOTIATE.length);
  if (reasonAt < 0) return MALFORMED;
  const offerAt = text.indexOf(OFFER, reasonAt);
  const auth = probe('ssh_negotiation_failed', text.slice(reasonAt + 2, offerAt < 0 ? text.length : offerAt));
  return setAddressPort(auth, text.slice(NEGOTIATE.length, reasonAt)) ? auth : MALFORMED;
}

const DISPATCH_FATAL = 'ssh_dispatch_run_fatal: Connection from ';

/**
 * `ssh_dispatch_run_fatal: Connection from [authenticating |invalid ]user USER ]ADDR port N: REASON
 * [preauth]`: the client broke the protocol (`invalid format`, `message authentication code
 * incorrect`). Only a connection still authenticating ([preauth]) is a probe; later it is a
 * session's end.
 */
export function matchDispatchFatal(message: string): SshdAuth | SshdSkip {
  if (!message.endsWith(' [preauth]')) return NOT_AUTH;
  const text = stripPreauth(message);
  const reasonAt = text.lastIndexOf(': ');
  if (reasonAt < DISPATCH_FATAL.length) return MALFORMED;
  const auth = probe('ssh_protocol_error', text.slice(reasonAt + 2));
  return parseRemoteId(auth, text.slice(DISPATCH_FATAL.length, reasonAt)) === undefined ? MALFORMED : auth;
}

const GRACE_TIMEOUT = 'Timeout before authentication for ';
const CONNECTION_FROM = 'connection from ';

/**
 * `Timeout before authentication for ADDR[ port N]`, or since OpenSSH 9.8 `... for connection from
 * ADDR to ADDR, pid = N`: the client held the connection for LoginGraceTime without authenticating.
 */
export function matchGraceTimeout(message: string): SshdAuth | SshdSkip {
  const rest = stripPreauth(message).slice(GRACE_TIMEOUT.length);
  const auth = probe('ssh_login_grace_timeout', 'timeout before authentication');
  if (!rest.startsWith(CONNECTION_FROM)) return setAddressPort(auth, rest) ? auth : MALFORMED;
  const toAt = rest.indexOf(' to ', CONNECTION_FROM.length);
  const from = rest.slice(CONNECTION_FROM.length, toAt < 0 ? rest.length : toAt);
  return setAddressPort(auth, from) ? auth : MALFORMED;
}

export const FATAL = 'fatal: ';

/** The probes sshd also logs as `fatal: ...` (it then ends the connection). */
export function matchFatal(message: string): SshdAuth | SshdSkip {
  const inner = message.slice(FATAL.length);
  if (inner.startsWith(NEGOTIATE)) return matchNegotiation(inner);
  if (inner.startsWith(GRACE_TIMEOUT)) return matchGraceTimeout(inner);
  return NOT_AUTH;
}

/** Whether the `fatal: ...` message at `start` of `text` is one matchFatal reads (else it is no probe). */
export function mayBeFatalProbe(text: string, start: number): boolean {
  const inner = start + FATAL.length;
  return text.startsWith(NEGOTIATE, inner) || text.startsWith(GRACE_TIMEOUT, inner);
}
