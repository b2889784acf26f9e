import type { SshdAuth } from './sshd-auth.ts';
import { isHostName, normalizeIp } from './parse-address.ts';

const FROM = ' from ';
/** A user name with more ` from `s than this is taken for garbage. */
const MAX_FROMS = 32;
const PORT = ' port ';

/** Sets address, ip or domain from an address as written. False when it is neither an IP nor a host name. */
export function setAddress(auth: SshdAuth, text: string): boolean {
  const ip = normalizeIp(text);
  if (ip === undefined && !isHostName(text)) return false;
  auth.address = text;
  auth.ip = ip;
  auth.domain = ip === undefined ? text : undefined;
  return true;
}

/** A TCP port, 0–65535, written as 1–5 digits. */
export function parsePort(text: string): number | undefined {
  if (text.length === 0 || text.length > 5) return undefined;
  let value = 0;
  for (let index = 0; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value <= 65535 ? value : undefined;
}

/**
 * Parses `USER from ADDR[ port N[ ssh1|ssh2[: INFO]]]` into auth. USER (whatever an invalid user's
 * client sent) and INFO (hostbased's client user and host) may both hold ` from `: the first ` from `
 * whose rest is exactly an address, port and protocol (then the end or `: `) is sshd's, so neither
 * `USER from A port 1 ssh2 from B port 2 ssh2` nor `... from B port 2 ssh2: from A port 1 ssh2` names A.
 * False when none fits.
 */
export function parseUserFrom(auth: SshdAuth, text: string, portRequired: boolean): boolean {
  // A candidate with `port N` wins over one without: `... ssh1: ruser from ADDR` must not name ADDR.
  return tryUserFrom(auth, text, true) || (!portRequired && tryUserFrom(auth, text, false));
}

function tryUserFrom(auth: SshdAuth, text: string, portRequired: boolean): boolean {
  let at = text.indexOf(FROM);
  for (let attempt = 0; attempt < MAX_FROMS && at >= 0; attempt++) {
    if (parseAddressPort(auth, text, at + FROM.length, portRequired)) {
      auth.user = text.slice(0, at);
      return true;
    }
    at = text.indexOf(FROM, at + 1);
  }
  return false;
}

/** `ADDR[ port N[ ssh1|ssh2[: SIGNATURE]]]` from `start` to the end of text. */
function parseAddressPort(auth: SshdAuth, text: string, start: number, portRequired: boolean): boolean {
  const portAt = text.indexOf(PORT, start);
  if (portAt < 0) return !portRequired && setAddress(auth, text.slice(start));
  if (!setAddress(auth, text.slice(start, portAt))) return false;
  const numberStart = portAt + PORT.length;
  let numberEnd = text.indexOf(' ', numberStart);
  if (numberEnd < 0) numberEnd = text.length;
  auth.port = parsePort(text.slice(numberStart, numberEnd));
  if (auth.port === undefined) return false;
  if (numberEnd === text.length) return true;
  if (!text.startsWith(' ssh', numberEnd) || !isProtocolDigit(text.charCodeAt(numberEnd + 4))) return false;
  const afterSsh2 = numberEnd + 5;
  if (afterSsh2 === text.length) return true;
  if (text.charCodeAt(afterSsh2) !== 58 /* : */ || text.charCodeAt(afterSsh2 + 1) !== 32) return false;
  auth.signature = text.slice(afterSsh2 + 2);
  return true;
}

/** `ssh1` (OpenSSH before 7.4 still logged it) or `ssh2`. */
function isProtocolDigit(code: number): boolean {
  return code === 49 || code === 50;
}

/**
 * Parses sshd's remote id, `authenticating user USER ADDR port N`, `invalid user USER ADDR port N`,
 * `user USER ADDR port N` or `ADDR port N`. Returns which user kind it named, or undefined when garbled.
 */
export function parseRemoteId(
  auth: SshdAuth,
  text: string,
): 'authenticating' | 'invalid' | 'user' | 'none' | undefined {
  const portAt = text.lastIndexOf(PORT);
  if (portAt < 0) return undefined;
  auth.port = parsePort(text.slice(portAt + PORT.length));
  if (auth.port === undefined) return undefined;
  const kind = text.startsWith('authenticating user ')
    ? 'authenticating'
    : text.startsWith('invalid user ')
      ? 'invalid'
      : text.startsWith('user ')
        ? 'user'
        : 'none';
  if (kind === 'none') return setAddress(auth, text.slice(0, portAt)) ? kind : undefined;
  const userStart = kind === 'authenticating' ? 20 : kind === 'invalid' ? 13 : 5;
  const addressAt = text.lastIndexOf(' ', portAt - 1);
  if (addressAt < userStart - 1 || !setAddress(auth, text.slice(addressAt + 1, portAt))) return undefined;
  auth.user = addressAt < userStart ? '' : text.slice(userStart, addressAt);
  return kind;
}
