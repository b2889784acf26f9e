import { monthNumber } from '../month-number.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { type HttpAuthFailure, NOT_WEB_ERROR_LOG, WEB_ERROR_UNUSED } from './http-auth-failure.ts';
import { readModsecurity, wafVerdict } from './read-modsecurity.ts';

/** `[Sat Jul 20 21:39:11.978080 2013]`: C's ctime, microseconds since Apache 2.4. */
const TIME =
  /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? (\d{4})\] /;
/** At most this many bracketed fields before the message (module and level, pid, client, ...). */
const MAX_FIELDS = 8;
const MESSAGE_ID = /^AH\d{5}: /;
const REFERER = ', referer: ';

/**
 * An Apache error log line (2.2 and 2.4's default ErrorLogFormat: `[TIME] [MODULE:LEVEL] [pid N:tid
 * M] [client ADDR:PORT] AH01617: MESSAGE`) that reports a failed HTTP authentication, or why it is
 * none. The client's address is one of the fields Apache writes before the message, which the
 * client's words (user, path) come in: they cannot move it.
 */
export function readApacheError(line: string): HttpAuthFailure | string {
  const time = TIME.exec(line);
  if (time === null) return NOT_WEB_ERROR_LOG;
  const month = monthNumber(time[1] as string) - 1;
  const micros = (time[6] ?? '').padEnd(3, '0').slice(0, 3);
  const ms = Date.UTC(
    Number(time[7]),
    month,
    Number((time[2] as string).trim()),
    Number(time[3]),
    Number(time[4]),
    Number(time[5]),
    Number(micros),
  );
  const fields = readApacheFields(line, time[0].length);
  return typeof fields === 'string' ? fields : { server: 'apache', time: ms, ...fields };
}

/**
 * What follows the time of an Apache error line (`[MODULE:LEVEL] [pid N] [client ADDR:PORT] MESSAGE`
 * from `start`; the same after a syslog header when Apache logs to syslog): a failed HTTP
 * authentication, or why it is none.
 */
export function readApacheFields(
  line: string,
  start: number,
): Omit<HttpAuthFailure, 'server' | 'time'> | string {
  let at = start;
  let client: string | undefined;
  for (let field = 0; field < MAX_FIELDS && line.charCodeAt(at) === 91 /* [ */; field++) {
    const end = fieldEnd(line, at);
    if (end < 0) return NOT_WEB_ERROR_LOG;
    const text = line.slice(at + 1, end);
    if (text.startsWith('client ')) client = text.slice('client '.length);
    at = end + 1;
    if (line.charCodeAt(at) === 32) at++;
  }
  if (client === undefined) return WEB_ERROR_UNUSED;
  // ModSecurity writes a `[client ADDR]` field of its own before its message: the same address.
  const waf = readModsecurity(line.slice(at));
  if (waf !== undefined) {
    const address = splitClient(client);
    return address === undefined ? WEB_ERROR_UNUSED : { ...address, ...wafVerdict(waf) };
  }
  let message = line.slice(at);
  // Apache ends a message with the request's Referer when it has one.
  const referer = message.lastIndexOf(REFERER);
  if (referer >= 0) message = message.slice(0, referer);
  const id = MESSAGE_ID.exec(message);
  if (id !== null) message = message.slice(id[0].length);
  const found = classify(message);
  if (found === undefined) return WEB_ERROR_UNUSED;
  const address = splitClient(client);
  if (address === undefined) return WEB_ERROR_UNUSED;
  return { ...address, ...found };
}

/** The `]` closing the field at `start`; an IPv6 client (`[client [2001:db8::1]:443]`) holds a pair. */
function fieldEnd(line: string, start: number): number {
  const inner = line.indexOf('[', start + 1);
  const end = line.indexOf(']', start + 1);
  if (end < 0 || inner < 0 || inner > end) return end;
  const close = line.indexOf(']', end + 1);
  return close;
}

function splitClient(client: string): { ip: string; port: number | undefined } | undefined {
  let host = client;
  let port: number | undefined;
  if (client.startsWith('[')) {
    const end = client.indexOf(']');
    host = client.slice(1, end);
    if (client.charCodeAt(end + 1) === 58 /* : */) port = Number(client.slice(end + 2));
  } else {
    const colon = client.lastIndexOf(':');
    // One colon: IPv4 and its port (2.4); none: 2.2's bare address; more: a bare IPv6 address.
    if (colon > 0 && client.indexOf(':') === colon) {
      host = client.slice(0, colon);
      port = Number(client.slice(colon + 1));
    }
  }
  const ip = normalizeIp(host);
  if (ip === undefined) return undefined;
  return { ip, port: port !== undefined && Number.isInteger(port) && port <= 65535 ? port : undefined };
}

type Found = Pick<HttpAuthFailure, 'user' | 'path' | 'file' | 'reason' | 'kind' | 'waf'>;

/**
 * A request for a file that does not exist (2.2's and 2.4's `File does not exist: FILE`, AH00128),
 * or for a script that does not (`script not found or unable to stat: FILE`, mod_cgi's `script 'FILE'
 * not found or unable to stat`): FILE on the server's disk. Also PHP-FPM's answer for a PHP script
 * that does not exist, through mod_proxy_fcgi (AH01071 `Got error 'Primary script unknown'`, a
 * literal `\n` before the quote in older releases), which names no file.
 */
const MISSING =
  /^(?:File does not exist: (.{1,2048})|script not found or unable to stat: (.{1,2048})|script '(.{1,2048})' not found or unable to stat|Got error 'Primary script unknown(?:\\n)?')$/;

/**
 * Baïkal's (a CalDAV and CardDAV server) refused login, which PHP writes into the error log: through
 * PHP-FPM `Got error 'PHP message: user U authentication failure for Baikal'`, under mod_php bare.
 */
const BAIKAL = /^(?:Got error 'PHP message: )?user (.{0,256}) authentication failure for Baikal'?$/;

/**
 * A request refused by an access rule (`Require`, `Deny from`, mod_evasive's block): mod_access_compat's
 * AH01797, mod_authz_core's AH01630 and 2.2's `client denied by server configuration: FILE`.
 */
const DENIED_BY_CONFIGURATION = /^client denied by server configuration: (.{1,2048})$/;

/** mod_auth_basic's AH01614: credentials of another scheme than the path asks for. */
const WRONG_SCHEME = /^client used wrong authentication scheme: (.{1,2048})$/;

/**
 * mod_auth_digest's refusals of an answer the server never asked for or cannot check: a nonce it did
 * not issue or from the future (AH01776, AH01777), another realm's (AH01788), an unknown algorithm
 * (AH01789) or qop (AH01793). No password was tried; a client that forges answers sends them.
 */
const DIGEST_REFUSALS = ['invalid nonce ', 'realm mismatch ', 'unknown algorithm ', 'invalid qop '];
const RECEIVED = ' received: /';

/**
 * What an Apache error message says of a request: mod_auth_basic's and mod_auth_digest's failures (a
 * password tried and refused, or an unknown user named; also Baïkal's), or what is no login: a file
 * or script that does not exist (MISSING), a request refused without a password tried (an access
 * rule, an authorisation, a wrong scheme, a forged digest answer), one Apache could not read, a
 * Shellshock payload that reached a CGI script.
 */
function classify(message: string): Found | undefined {
  const missing = MISSING.exec(message);
  if (missing !== null) {
    const reason =
      missing[1] !== undefined
        ? 'file does not exist'
        : (missing[2] ?? missing[3])
          ? 'script not found'
          : 'primary script unknown';
    return onDisk(missing[1] ?? missing[2] ?? missing[3], reason, 'missing');
  }
  // mod_auth_digest's lines start so before 2.4.
  const text = message.startsWith('Digest: ') ? message.slice('Digest: '.length) : message;
  // A failed login first: a refusal's words in the user a client named do not hide its guess.
  return (
    readLoginFailure(message, text) ?? readRefusal(text) ?? readMalformed(message) ?? readShellshock(message)
  );
}

/** A password tried and refused, or an unknown user named (see classify). */
function readLoginFailure(message: string, text: string): Found | undefined {
  const baikal = BAIKAL.exec(message);
  if (baikal !== null) return found(baikal[1] as string, '', 'Baikal authentication failure');
  if (!text.startsWith('user ')) return undefined;
  const rest = text.slice('user '.length);
  // Basic: `user U: authentication failure for "PATH": Password Mismatch`.
  const failure = rest.indexOf(': authentication failure for "');
  if (failure >= 0) {
    const pathStart = failure + ': authentication failure for "'.length;
    const pathEnd = rest.lastIndexOf('": ');
    if (pathEnd < pathStart) return undefined;
    return found(rest.slice(0, failure), rest.slice(pathStart, pathEnd), rest.slice(pathEnd + 3));
  }
  // Digest: `user U: password mismatch: PATH`.
  const mismatch = rest.indexOf(': password mismatch: ');
  if (mismatch >= 0) return found(rest.slice(0, mismatch), rest.slice(mismatch + 21), 'password mismatch');
  // Digest: `user \`U' in realm \`R' not found: PATH`.
  if (rest.startsWith('`')) {
    const realm = rest.indexOf("' in realm `");
    const notFound = rest.indexOf("' not found: ", realm);
    if (realm < 0 || notFound < 0) return undefined;
    return found(rest.slice(1, realm), rest.slice(notFound + 13), 'user not found');
  }
  // Basic: `user U not found: PATH`.
  const notFound = rest.indexOf(' not found: ');
  if (notFound >= 0) return found(rest.slice(0, notFound), rest.slice(notFound + 12), 'user not found');
  // Before 2.2, without the path.
  if (rest.endsWith(' not found')) return found(rest.slice(0, -10), '', 'user not found');
  return undefined;
}

/** A request the line names by the file on the server's disk it came to, not by its path. */
function onDisk(file: string | undefined, reason: string, kind: Found['kind']): Found {
  return { user: undefined, path: undefined, file, reason, kind };
}

function found(user: string, path: string, reason: string): Found {
  return { user: user === '' ? undefined : user, path: path === '' ? undefined : path, reason };
}

/** A request refused without a password tried (see DENIED_BY_CONFIGURATION, readNotAuthorized, ...). */
function readRefusal(text: string): Found | undefined {
  const configuration = DENIED_BY_CONFIGURATION.exec(text);
  if (configuration !== null)
    return onDisk(configuration[1], 'client denied by server configuration', 'denied');
  const authorization = readNotAuthorized(text);
  if (authorization !== undefined) return { ...authorization, kind: 'denied' };
  const scheme = WRONG_SCHEME.exec(text);
  if (scheme !== null)
    return { ...found('', scheme[1] as string, 'wrong authentication scheme'), kind: 'denied' };
  const digest = DIGEST_REFUSALS.find((refusal) => text.startsWith(refusal));
  if (digest === undefined) return undefined;
  const received = text.lastIndexOf(RECEIVED);
  const path = received < 0 ? '' : text.slice(received + RECEIVED.length - 1);
  return { ...found('', path, `digest ${digest.trim()}`), kind: 'denied' };
}

/**
 * A user who logged in but may not see the path: mod_authz_core's AH01631 `user U: authorization
 * failure for "PATH": `, mod_authz_owner's AH01637 (and the other providers') `Authorization of user
 * U to access PATH failed, reason: ...`, 2.2's `access to PATH failed, reason: user 'U' does not meet
 * 'require'ments for user/valid-user to be allowed access`.
 */
function readNotAuthorized(text: string): Found | undefined {
  if (text.startsWith('user ')) {
    const failure = text.indexOf(': authorization failure for "');
    const pathStart = failure + ': authorization failure for "'.length;
    const pathEnd = text.lastIndexOf('":');
    if (failure < 0 || pathEnd < pathStart) return undefined;
    return found(
      text.slice('user '.length, failure),
      text.slice(pathStart, pathEnd),
      'authorization failure',
    );
  }
  if (text.startsWith('Authorization of user ')) {
    const to = text.indexOf(' to access ');
    const failed = text.lastIndexOf(' failed, reason: ');
    if (to < 0 || failed < to) return undefined;
    const path = text.slice(to + ' to access '.length, failed);
    return found(text.slice('Authorization of user '.length, to), path, 'authorization failure');
  }
  if (text.startsWith('access to ')) {
    const failed = text.indexOf(" failed, reason: user '");
    const userStart = failed + " failed, reason: user '".length;
    const userEnd = text.lastIndexOf("' does not meet 'require'ments");
    if (failed < 0 || userEnd < userStart) return undefined;
    return found(
      text.slice(userStart, userEnd),
      text.slice('access to '.length, failed),
      'authorization failure',
    );
  }
  return undefined;
}

/**
 * Core's refusals of a request it could not read: AH00126 `Invalid URI in request ...`, AH00565
 * `request failed: URI too long`, AH00566 `request failed: erroneous characters after protocol
 * string`, `Invalid method in request ...` (bytes of TLS sent to a plain HTTP port among them),
 * AH00567 `request failed: error reading the headers`, AH00569 `client sent HTTP/1.1 request
 * without hostname`. Fuzzers, exploit payloads and scanners send them; browsers do not.
 */
const MALFORMED: readonly (readonly [string, string])[] = [
  ['Invalid URI in request ', 'invalid URI'],
  ['request failed: URI too long', 'URI too long'],
  [
    'request failed: erroneous characters after protocol string',
    'erroneous characters after protocol string',
  ],
  ['Invalid method in request ', 'invalid method'],
  ['request failed: error reading the headers', 'error reading the headers'],
  ['client sent HTTP/1.1 request without hostname', 'HTTP/1.1 request without hostname'],
];

function readMalformed(message: string): Found | undefined {
  const known = MALFORMED.find(([start]) => message.startsWith(start));
  return known === undefined ? undefined : { ...found('', '', known[1]), kind: 'malformed' };
}

/**
 * bash refusing a Shellshock payload (a header holding `() {`), which mod_cgi passes on from a CGI
 * script's error output (AH01215): `/bin/bash: warning: HTTP_X: ignoring function definition attempt`
 * (bash 4.3's patch) or ``/bin/bash: error importing function definition for `HTTP_X'``.
 */
const SHELLSHOCK =
  /^\/(?:usr\/)?bin\/(?:ba)?sh: (?:warning: ([A-Z0-9_]{1,256}): ignoring function definition attempt|error importing function definition for `([A-Z0-9_]{1,256})')$/;

function readShellshock(message: string): Found | undefined {
  const shellshock = SHELLSHOCK.exec(message);
  if (shellshock === null) return undefined;
  const variable = shellshock[1] ?? shellshock[2];
  return { ...found('', '', `Shellshock function definition in ${variable}`), kind: 'exploit' };
}
