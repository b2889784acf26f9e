import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { type HttpAuthFailure, NOT_WEB_ERROR_LOG } from './http-auth-failure.ts';
export type { HttpAuthFailure } from './http-auth-failure.ts';
import { readApacheError } from './read-apache-error.ts';
import { readNginxError } from './read-nginx-error.ts';
import { readLighttpdError } from './read-lighttpd-error.ts';

export { AMBIGUOUS_CLIENT, NOT_WEB_ERROR_LOG, WEB_ERROR_UNUSED } from './http-auth-failure.ts';
export { isApacheProgramAt } from './apache-programs.ts';
export { readApacheFields } from './read-apache-error.ts';

export const webErrorLogParser: ParserDefinition = {
  format: 'web-error-log',
  description:
    'Web server error logs (Apache, nginx, lighttpd): HTTP basic and digest authentication failures',
  sniff: (sample) => shareOfLines(sample, (line) => readErrorLine(line) !== NOT_WEB_ERROR_LOG),
  create: () => createWebErrorLogParser(),
};

function readErrorLine(line: string): HttpAuthFailure | string {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.startsWith('[')) return readApacheError(text);
  // nginx dates with slashes, lighttpd with dashes.
  return text.charCodeAt(4) === 45 /* - */ ? readLighttpdError(text) : readNginxError(text);
}

function createWebErrorLogParser(): LineParser {
  return {
    parseLine(line, emit) {
      const found = readErrorLine(line);
      if (typeof found === 'string') return found;
      emit(mapHttpAuthFailure(line, found), found.time);
      return null;
    },
    notes: () => [],
  };
}

/**
 * A failed HTTP login as ECS: `http_auth_failure` (`event.category: [authentication, web]`, failure),
 * `user.name` the user the client named, `source.ip`, `url.path`, the server's words in
 * `event.reason`, `event.module` apache, nginx or lighttpd (`event.dataset` `apache.error`,
 * `nginx.error`, as Filebeat names them, `lighttpd.error`).
 */
export function mapHttpAuthFailure(line: string, found: HttpAuthFailure, hostname?: string): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(found.time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: found.server,
      dataset: `${found.server}.error`,
      category: ['authentication', 'web'],
      type: ['start'],
      action: 'http_auth_failure',
      outcome: 'failure',
      reason: found.reason,
    },
    source:
      found.port === undefined
        ? { address: found.ip, ip: found.ip }
        : { address: found.ip, ip: found.ip, port: found.port },
    related: relatedFields([found.user], found.ip, hostname),
  };
  if (hostname !== undefined) event.host = { hostname, name: hostname };
  if (found.user !== undefined) event.user = { name: found.user };
  if (found.path !== undefined) event.url = { path: found.path };
  return event;
}
