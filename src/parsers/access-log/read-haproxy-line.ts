import { isIP } from 'node:net';
import { parseClfTime, type AccessLine } from './scan-access-line.ts';

/**
 * HAProxy's HTTP log (`option httplog`) as it sends it to syslog: `CLIENT:PORT [DD/Mon/YYYY:HH:MM:SS.mmm]
 * FRONTEND BACKEND/SERVER TIMERS STATUS BYTES REQ_COOKIE RESP_COOKIE TERMINATION CONNS QUEUES
 * [{CAPTURED REQUEST HEADERS}] [{CAPTURED RESPONSE HEADERS}] "REQUEST"`. Everything before the
 * request line is HAProxy's (captured headers are escaped, `"` as `#22`), the client's address
 * first; the request line is the client's and comes last.
 */
const HTTPLOG =
  /^(\S{3,60}) \[(\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2})\.(\d{3})\] \S{1,128} \S{1,256} [+-]?-?\d{1,10}(?:\/[+-]?-?\d{1,10}){3,4} (\d{3}) \+?(\d{1,15}) \S{1,256} \S{1,256} \S{4} [+-]?\d{1,10}(?:\/[+-]?\d{1,10}){4} \d{1,10}\/\d{1,10} (?:\{[^{}"]{0,4096}\} ){0,2}"(.{0,65536})"$/;

/**
 * A request of HAProxy's HTTP log as an access log line (see mapAccessEvent): the client's address
 * (the port after its last colon, as HAProxy writes IPv6 without brackets), the time (local, no
 * zone: read as UTC), the request line, status and bytes. Undefined for any other message (TCP
 * logs, alerts, a request HAProxy never read).
 */
export function readHaproxyLine(message: string): AccessLine | undefined {
  const found = HTTPLOG.exec(message);
  if (found === null) return undefined;
  const client = found[1] as string;
  const colon = client.lastIndexOf(':');
  const host = colon === -1 ? '' : client.slice(0, colon);
  if (isIP(host) === 0 || !/^\d{1,5}$/.test(client.slice(colon + 1))) return undefined;
  return {
    host,
    user: '-',
    time: parseClfTime(`${found[2] as string} +0000`) + Number(found[3]),
    request: found[6] as string,
    status: Number(found[4]),
    bytes: Number(found[5]),
    referrer: undefined,
    userAgent: undefined,
  };
}

/** HAProxy's syslog program name. */
export const HAPROXY = 'haproxy';
