import { isIP } from 'node:net';
import type { SecurityEvent } from '../../core/index.ts';
import type { AccessLine } from './scan-access-line.ts';

/**
 * Maps one access-log line to ECS: `source.ip` (or `source.domain` with HostnameLookups), `user.name`
 * (the HTTP auth user; `-` is none), `http.*`, `url.*`, `user_agent.original`. `event.outcome` is
 * failure for 4xx and 5xx answers.
 */
export function mapAccessEvent(line: string, access: AccessLine, timestamp: string): SecurityEvent {
  const request = splitRequest(access.request);
  const failure = access.status >= 400;
  const event: SecurityEvent = {
    '@timestamp': timestamp,
    event: {
      original: line,
      kind: 'event',
      module: 'web',
      dataset: 'web.access',
      category: ['web'],
      type: ['access'],
      action: 'http_request',
      outcome: failure ? 'failure' : 'success',
    },
    source: isIP(access.host) === 0 ? { domain: access.host } : { ip: unmapIpv4(access.host) },
    http: buildHttp(access, request),
    url: buildUrl(request.target),
    message: `${access.request} ${access.status}`,
  };
  if (access.user !== '-' && access.user !== '' && access.user !== '""') event.user = { name: access.user };
  if (access.userAgent !== undefined) event.user_agent = { original: access.userAgent };
  return event;
}

function buildHttp(access: AccessLine, request: Request): Record<string, unknown> {
  const http: Record<string, unknown> = {};
  const req: Record<string, unknown> = {};
  if (request.method !== undefined) req.method = request.method;
  if (access.referrer !== undefined) req.referrer = access.referrer;
  if (Object.keys(req).length > 0) http.request = req;
  const response: Record<string, unknown> = { status_code: access.status };
  if (access.bytes !== undefined) response.body = { bytes: access.bytes };
  http.response = response;
  if (request.version !== undefined) http.version = request.version;
  return http;
}

function buildUrl(target: string): Record<string, string> {
  const queryAt = target.indexOf('?');
  const url: Record<string, string> = {
    original: target,
    path: queryAt < 0 ? target : target.slice(0, queryAt),
  };
  if (queryAt >= 0) url.query = target.slice(queryAt + 1);
  return url;
}

interface Request {
  method: string | undefined;
  target: string;
  version: string | undefined;
}

/** `METHOD TARGET HTTP/x.y`; a garbled request (a TLS handshake sent to port 80) keeps its text as target. */
function splitRequest(request: string): Request {
  const parts = request.split(' ');
  const [method, target, protocol] = parts;
  if (parts.length === 3 && /^[A-Z]{1,16}$/.test(method as string) && protocol?.startsWith('HTTP/')) {
    return { method, target: target as string, version: protocol.slice(5) };
  }
  if (parts.length === 2 && /^[A-Z]{1,16}$/.test(method as string)) {
    return { method, target: target as string, version: undefined }; // HTTP/0.9
  }
  return { method: undefined, target: request, version: undefined };
}

function unmapIpv4(ip: string): string {
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
