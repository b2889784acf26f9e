import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { type ForgedHttpAuth, type HttpAuthFailure, NOT_WEB_ERROR_LOG } from './http-auth-failure.ts';
import { buildForgedAddressEvent, isForged } from '../forged-address-event.ts';
export type { HttpAuthFailure } from './http-auth-failure.ts';
import { readApacheError } from './read-apache-error.ts';
import { readNginxError } from './read-nginx-error.ts';
import { readLighttpdError } from './read-lighttpd-error.ts';
import { buildWafEvent } from './waf-event.ts';

export { NOT_WEB_ERROR_LOG, WEB_ERROR_UNUSED } from './http-auth-failure.ts';
export { isApacheProgramAt } from './apache-programs.ts';
export { readApacheFields } from './read-apache-error.ts';

export const webErrorLogParser: ParserDefinition = {
  format: 'web-error-log',
  description:
    'Web server error logs (Apache, nginx, lighttpd): HTTP basic and digest authentication failures',
  // A carriage return at a line's end changes none of the heads these read.
  sniff: (sample) => shareOfLines(sample, (line) => readErrorLine(line) !== NOT_WEB_ERROR_LOG),
  create: (options) => createRecordParser(readErrorLine, mapHttpAuthFailure, options),
};

function readErrorLine(line: string): HttpAuthFailure | ForgedHttpAuth | string {
  if (line.startsWith('[')) return readApacheError(line);
  // nginx dates with slashes, lighttpd with dashes.
  return line.charCodeAt(4) === 45 /* - */ ? readLighttpdError(line) : readNginxError(line);
}

interface EventShape {
  action: string;
  category: readonly string[];
  /** ECS `event.type`, when not a login's `start`. */
  type?: readonly string[];
}

const LOGIN_FAILURE: EventShape = { action: 'http_auth_failure', category: ['authentication', 'web'] };

/** What each kind of line that is no login becomes (see HttpAuthFailure's `kind`). */
const NOT_LOGIN: Record<NonNullable<HttpAuthFailure['kind']>, EventShape> = {
  missing: { action: 'http_file_not_found', category: ['web'], type: ['access'] },
  denied: { action: 'http_access_denied', category: ['web'], type: ['access', 'denied'] },
  malformed: { action: 'http_bad_request', category: ['web'], type: ['access', 'denied'] },
  limited: { action: 'http_rate_limited', category: ['web'], type: ['access', 'denied'] },
  exploit: { action: 'http_exploit_attempt', category: ['intrusion_detection', 'web'], type: ['info'] },
};

/**
 * A failed HTTP login as ECS: `http_auth_failure` (`event.category: [authentication, web]`, failure),
 * `user.name` the user the client named, `source.ip`, `url.path`, the server's words in
 * `event.reason`, `event.module` apache, nginx or lighttpd (`event.dataset` `apache.error`,
 * `nginx.error`, as Filebeat names them, `lighttpd.error`). A request for a file that does not
 * exist as `http_file_not_found` (`event.category: web`, `file.path`); one refused without a password
 * tried as `http_access_denied` (`event.type: [access, denied]`). A forged line as what it is (see
 * buildForgedAddressEvent).
 */
export function mapHttpAuthFailure(
  line: string,
  found: HttpAuthFailure | ForgedHttpAuth,
  host?: string,
): SecurityEvent {
  if (isForged(found)) {
    const { server, time, forged } = found;
    return buildForgedAddressEvent({
      original: line,
      time,
      forged,
      host,
      module: server,
      dataset: `${server}.error`,
      service: server,
    });
  }
  if (found.waf !== undefined) return buildWafEvent(line, found, found.waf, host);
  // Only a failed login is one. Apache names the file on its disk a request came to (`file.path`), or
  // the URL (`url.path`): the access log's 404s and 403s of the same requests are other events, which
  // its own rules count.
  const shape = found.kind === undefined ? LOGIN_FAILURE : NOT_LOGIN[found.kind];
  const event = buildLoginFailureEvent({
    original: line,
    time: found.time,
    module: found.server,
    dataset: `${found.server}.error`,
    category: [...shape.category],
    action: shape.action,
    reason: found.reason,
    ip: found.ip,
    port: found.port,
    user: found.user,
    host,
  });
  if (shape.type !== undefined) event.event.type = [...shape.type];
  if (found.file !== undefined) event.file = { path: found.file };
  if (found.path !== undefined) event.url = { path: found.path };
  return event;
}
