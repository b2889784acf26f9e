import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** A request Squid's native access log reports. */
export interface SquidRequest extends RecordTime {
  ip: string;
  /** Squid's result code (`TCP_DENIED`, `TCP_MISS`, `NONE`, ...) and the status it answered. */
  result: string;
  status: number;
  bytes: number;
  method: string;
  url: string;
  /** The user the client authenticated (or named, for a refused login) as; undefined for `-`. */
  user: string | undefined;
}

/** Not a line of Squid's native access log. */
export const NOT_SQUID = 'not-squid-access-log';
/** A line of the log whose client is a name (log_fqdn), not an address. */
export const SQUID_CLIENT_NOT_ADDRESS = 'squid-client-not-address';

/**
 * Squid's native `access.log` line (logformat squid): `TIME.MS ELAPSED CLIENT RESULT/STATUS BYTES METHOD
 * URL USER HIERARCHY/PEER TYPE`, TIME in Unix seconds. Squid writes the time, the client and its
 * verdict before the URL and the user, which are the client's.
 */
const LINE =
  /^(\d{9,11})\.(\d{3}) +\d{1,12} (\S{1,255}) ([A-Z_]{2,48})\/(\d{3}) (\d{1,20}) ([A-Za-z_-]{1,32}) (\S{1,8192}) (\S{1,512}) [A-Z_]{2,48}\/\S{1,255} \S{1,255}$/;

export function readSquidLine(line: string): SquidRequest | string {
  const found = LINE.exec(line);
  if (found === null) return NOT_SQUID;
  const ip = normalizeIp(found[3] as string);
  if (ip === undefined) return SQUID_CLIENT_NOT_ADDRESS;
  const user = found[9] as string;
  return {
    time: Number(found[1]) * 1000 + Number(found[2]),
    zoned: true,
    ip,
    result: found[4] as string,
    status: Number(found[5]),
    bytes: Number(found[6]),
    method: found[7] as string,
    url: found[8] as string,
    user: user === '-' ? undefined : decodeUser(user),
  };
}

/** Squid writes a user name URL-encoded (`%20` for a space); one that does not decode is kept as written. */
function decodeUser(user: string): string {
  try {
    return decodeURIComponent(user);
  } catch {
    return user;
  }
}

/**
 * What a request says of its client: `proxy_request_denied` when Squid refused it without fetching
 * it (`TCP_DENIED`, its access rules; `NONE` with a 4xx, a request it could not serve), `proxy_auth_failure`
 * for credentials it refused (407 to a request that named a user; a first request without them is
 * the login's start), `proxy_request` otherwise.
 */
function actionOf(request: SquidRequest): string {
  if (request.status === 407) return request.user === undefined ? 'proxy_request' : 'proxy_auth_failure';
  if (request.result.startsWith('TCP_DENIED')) return 'proxy_request_denied';
  if (request.result === 'NONE' && request.status >= 400 && request.status < 500)
    return 'proxy_request_denied';
  return 'proxy_request';
}

/**
 * A Squid request as ECS (`event.module: squid`, `event.dataset: squid.access`, `event.category:
 * [network, web]`): `source.ip`, `user.name`, `http.request.method`, `url.original` (the URL or, for
 * CONNECT, the host and port asked for), `http.response.status_code` and `body.bytes`, Squid's result
 * code in `event.reason`; the action and outcome from actionOf. The web server rules do not count it:
 * its URLs are the sites its clients reach, not paths of a server of ours.
 */
export function mapSquidRequest(line: string, request: SquidRequest): SecurityEvent {
  const action = actionOf(request);
  const refused = action !== 'proxy_request' || request.status >= 400;
  const event: SecurityEvent = {
    '@timestamp': new Date(request.time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: 'squid',
      dataset: 'squid.access',
      category: action === 'proxy_auth_failure' ? ['authentication', 'network', 'web'] : ['network', 'web'],
      type: action === 'proxy_request' ? ['access'] : ['access', 'denied'],
      action,
      outcome: refused ? 'failure' : 'success',
      reason: `${request.result}/${request.status}`,
    },
    source: { address: request.ip, ip: request.ip },
    http: {
      request: { method: request.method },
      response: { status_code: request.status, body: { bytes: request.bytes } },
    },
    url: { original: request.url },
    service: { name: 'squid' },
    related: { ip: [request.ip], ...(request.user !== undefined && { user: [request.user] }) },
  };
  if (request.user !== undefined) event.user = { name: request.user };
  return event;
}

export const squidParser: ParserDefinition = {
  format: 'squid',
  description: "Squid's native access log: requests its access rules refused, proxy logins it refused",
  sniff: (sample) => shareOfLines(sample, (line) => readSquidLine(line) !== NOT_SQUID),
  create: (options) => createRecordParser(readSquidLine, mapSquidRequest, options),
};
