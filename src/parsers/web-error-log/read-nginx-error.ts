import { normalizeIp } from '../sshd/parse-address.ts';
import {
  type ForgedHttpAuth,
  type HttpAuthFailure,
  NOT_WEB_ERROR_LOG,
  WEB_ERROR_UNUSED,
} from './http-auth-failure.ts';
import { readModsecurity, wafVerdict } from './read-modsecurity.ts';

/** `2014/04/02 12:37:58 [error] 6563#0: *1861 `: time (no zone), level, pid#tid, the connection. */
const HEAD =
  /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) \[([a-z]{1,6})\] \d{1,10}#\d{1,10}: (?:\*\d{1,20} )?/;
const CLIENT = ', client: ';
const MODSECURITY_CLIENT = '[client ';
const REQUEST = /, request: "[A-Z]{1,16} (\S{1,8192}) HTTP\/\d(?:\.\d)?"/;

/**
 * An nginx error log line (`2014/04/02 12:37:58 [error] 6563#0: *1861 MESSAGE, client: ADDR, server:
 * NAME, request: "...", host: "..."`) from auth_basic that reports a failed login: `user "U": password
 * mismatch` or `user "U" was not found in "FILE"`; or why it is none. nginx writes the user (before
 * the address) and the request, host and referrer (after it) as the client sent them: a line with more
 * than one `, client: ` holds forged ones, and is read as a forged line (see ../forged-address-event.ts).
 */
export function readNginxError(line: string): HttpAuthFailure | ForgedHttpAuth | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_WEB_ERROR_LOG;
  const time = Date.UTC(
    Number(head[1]),
    Number(head[2]) - 1,
    Number(head[3]),
    Number(head[4]),
    Number(head[5]),
    Number(head[6]),
  );
  const message = line.slice(head[0].length);
  if (message.startsWith(MODSECURITY_CLIENT)) return readModsecurityLine(message, time);
  const limit = LIMITS.find(([start]) => message.startsWith(start));
  if (limit !== undefined) return readLimited(message, time, limit[1], limit[2]);
  const refusal = readRefusedFile(message, time);
  if (refusal !== undefined) return refusal;
  if (!message.startsWith('user "')) return WEB_ERROR_UNUSED;
  const client = message.indexOf(CLIENT);
  if (client < 0) return WEB_ERROR_UNUSED;
  // nginx's words follow the user: the later of the two, if the user holds the other.
  const mismatch = message.lastIndexOf('": password mismatch', client);
  const unknown = message.lastIndexOf('" was not found in "', client);
  const userEnd = Math.max(mismatch, unknown);
  if (userEnd < 'user '.length) return WEB_ERROR_UNUSED;
  const reason = userEnd === mismatch ? 'password mismatch' : 'user not found';
  const ip = clientAt(message, client);
  if (message.indexOf(CLIENT, client + CLIENT.length) >= 0) return forgedLine(message, time);
  if (ip === undefined) return WEB_ERROR_UNUSED;
  const user = message.slice('user "'.length, userEnd);
  return {
    server: 'nginx',
    time,
    ip,
    port: undefined,
    user: user === '' ? undefined : user,
    path: requestPath(message, client),
    reason,
  };
}

/**
 * ModSecurity's line (v3's nginx connector): `[client ADDR] ModSecurity: ...`. Its own client field
 * comes first, before anything the client sent (see readModsecurity).
 */
function readModsecurityLine(message: string, time: number): HttpAuthFailure | string {
  const end = message.indexOf('] ', MODSECURITY_CLIENT.length);
  const ip = end < 0 ? undefined : normalizeIp(message.slice(MODSECURITY_CLIENT.length, end));
  const waf = end < 0 ? undefined : readModsecurity(message.slice(end + 2));
  if (ip === undefined || waf === undefined) return WEB_ERROR_UNUSED;
  return { server: 'nginx', time, ip, port: undefined, ...wafVerdict(waf) };
}

/**
 * limit_req's and limit_conn's refusals: `limiting requests, excess: 1.852 by zone "one", client:
 * ADDR, ...` (a request over the rate, answered 503 or limit_req_status), `limiting connections by
 * zone "addr", client: ADDR, ...`; and requests nginx could not read (`SSL_do_handshake() failed
 * (SSL: ...) while SSL handshaking, client: ADDR`, `client sent invalid method while reading client
 * request line, client: ADDR`, ...). nginx's own words come before the client: its first `, client: `
 * is nginx's.
 */
const LIMITS: readonly (readonly [string, string, 'limited' | 'malformed'])[] = [
  ['limiting requests, excess: ', 'limiting requests', 'limited'],
  ['limiting connections by zone ', 'limiting connections', 'limited'],
  // Requests nginx could not read: a TLS handshake it refused (crit, logged by default) and the
  // request lines and headers it answered 400 (info).
  ['SSL_do_handshake() failed ', 'TLS handshake failed', 'malformed'],
  ['client sent invalid method ', 'invalid method', 'malformed'],
  ['client sent invalid request ', 'invalid request', 'malformed'],
  ['client sent too long URI ', 'URI too long', 'malformed'],
  ['client sent invalid host header ', 'invalid host header', 'malformed'],
  ['client sent plain HTTP request to HTTPS port ', 'plain HTTP request to HTTPS port', 'malformed'],
];

function readLimited(
  message: string,
  time: number,
  reason: string,
  kind: 'limited' | 'malformed',
): HttpAuthFailure | string {
  const client = message.indexOf(CLIENT);
  const ip = client < 0 ? undefined : clientAt(message, client);
  if (ip === undefined) return WEB_ERROR_UNUSED;
  const path = requestPath(message, client);
  return { server: 'nginx', time, ip, port: undefined, user: undefined, path, reason, kind };
}

/**
 * nginx's refusals of a request for a file: `open() "FILE" failed (2: No such file or directory)` and
 * `"DIR/index.html" is not found (2: No such file or directory)` (a file that does not exist, as a
 * wordlist scan asks for; PHP-FPM's `FastCGI sent in stderr: "Primary script unknown"` for a PHP
 * script that does not), `directory index of "DIR" is forbidden` and `access forbidden by rule` (an
 * access rule's refusal). FILE comes from the path the client asked for, before the client: a line
 * with more than one `, client: ` is a forged line.
 */
const REFUSED_FILES: readonly (readonly [RegExp, string, 'missing' | 'denied'])[] = [
  [
    /^open\(\) "(.{1,4096})" failed \(2: No such file or directory\), client: /,
    'file does not exist',
    'missing',
  ],
  [
    /^"(.{1,4096})" is not found \(2: No such file or directory\), client: /,
    'file does not exist',
    'missing',
  ],
  [
    /^FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: /,
    'primary script unknown',
    'missing',
  ],
  [/^directory index of "(.{1,4096})" is forbidden, client: /, 'directory index forbidden', 'denied'],
  [/^access forbidden by rule, client: /, 'access forbidden by rule', 'denied'],
];

function readRefusedFile(
  message: string,
  time: number,
): HttpAuthFailure | ForgedHttpAuth | string | undefined {
  for (const [pattern, reason, kind] of REFUSED_FILES) {
    const found = pattern.exec(message);
    if (found === null) continue;
    const client = found[0].length - CLIENT.length;
    if (message.indexOf(CLIENT, found[0].length) >= 0 || message.lastIndexOf(CLIENT, client - 1) >= 0)
      return forgedLine(message, time);
    const ip = clientAt(message, client);
    if (ip === undefined) return WEB_ERROR_UNUSED;
    const path = requestPath(message, client);
    return {
      server: 'nginx',
      time,
      ip,
      port: undefined,
      user: undefined,
      path,
      file: found[1],
      reason,
      kind,
    };
  }
  return undefined;
}

/** The path of the request nginx writes after the client at `client` (its query left out). */
function requestPath(message: string, client: number): string | undefined {
  const target = REQUEST.exec(message.slice(client))?.[1];
  const query = target?.indexOf('?') ?? -1;
  return target === undefined ? undefined : query < 0 ? target : target.slice(0, query);
}

/** The address of the `, client: ` at `at`, up to the next comma; undefined if it is none. */
function clientAt(message: string, at: number): string | undefined {
  const end = message.indexOf(',', at + CLIENT.length);
  return normalizeIp(message.slice(at + CLIENT.length, end < 0 ? undefined : end));
}

/** A login line naming its client more than once, with every address it names. */
function forgedLine(message: string, time: number): ForgedHttpAuth | string {
  const forged: string[] = [];
  for (let at = message.indexOf(CLIENT); at >= 0; at = message.indexOf(CLIENT, at + CLIENT.length)) {
    const ip = clientAt(message, at);
    if (ip !== undefined) forged.push(ip);
  }
  return forged.length === 0 ? WEB_ERROR_UNUSED : { server: 'nginx', time, forged };
}
