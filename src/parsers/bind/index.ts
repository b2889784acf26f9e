import type { SecurityEvent } from '../../core/index.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { programNamed } from '../syslog/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { monthNumber } from '../month-number.ts';
import { utcMillis } from '../utc-millis.ts';

/** A request BIND refused a client, as its `security` category logs it. */
export interface NamedDenial {
  /** `query` (recursion or a zone it does not serve to the client), `zone-transfer` (AXFR, IXFR), `update`. */
  kind: 'query' | 'zone-transfer' | 'update';
  ip: string;
  port: number | undefined;
  /** The name asked for, its type and class (`example.com`, `A`, `IN`); an update names no type. */
  name: string;
  type: string | undefined;
  reason: string;
}

/** A line of BIND's that is no refused request. */
export const NAMED_LINE_UNUSED = 'named-line-unused';

/** BIND's daemon, as syslog names it. */
export const isNamedAt = programNamed('named');

/** `client [@0xPTR ]ADDR#PORT[ (NAME)]: [view V: ]`: BIND writes the address first; all after it is the client's. */
const CLIENT =
  /^client (?:@0x[0-9a-f]{1,16} )?([0-9A-Fa-f:.]{2,45})#(\d{1,5})(?: \([^()\s]{0,255}\))?: (?:view [^\s:]{1,64}: )?/;
/** `query[ (cache)] 'NAME/TYPE/CLASS' denied[ (WHY)]`, `zone transfer 'ZONE/AXFR/CLASS' denied`. */
const QUERY_OR_TRANSFER =
  /^(query(?: \(cache\))?|zone transfer) '(.{0,1024})\/([^/]{1,32})\/[^/]{1,16}' denied(?: \(([^()]{0,128})\))?$/;
/** `update 'ZONE/CLASS' denied[ (WHY)]`. */
const UPDATE = /^update '(.{0,1024})\/[^/]{1,16}' denied(?: \(([^()]{0,128})\))?$/;
/**
 * `bad zone transfer request: 'ZONE/CLASS': non-authoritative zone (NOTAUTH)`: a transfer of a zone
 * the server does not hold, refused so.
 */
const BAD_TRANSFER = /^bad zone transfer request: '(.{0,1024})\/[A-Z]{2,8}': ([^:]{0,128})$/;

/** The request a `named` message says BIND refused, or NAMED_LINE_UNUSED. */
export function matchNamedDenial(message: string): NamedDenial | string {
  const client = CLIENT.exec(message);
  const ip = client === null ? undefined : normalizeIp(client[1] as string);
  if (client === null || ip === undefined) return NAMED_LINE_UNUSED;
  const request = message.slice(client[0].length);
  const base = { ip, port: Number(client[2]) };
  const asked = QUERY_OR_TRANSFER.exec(request);
  if (asked !== null) {
    const what = asked[1] as string;
    return {
      ...base,
      kind: what === 'zone transfer' ? 'zone-transfer' : 'query',
      name: asked[2] as string,
      type: asked[3],
      reason: `${what} denied${asked[4] === undefined ? '' : ` (${asked[4]})`}`,
    };
  }
  const update = UPDATE.exec(request);
  if (update !== null)
    return {
      ...base,
      kind: 'update',
      name: update[1] as string,
      type: undefined,
      reason: `update denied${update[2] === undefined ? '' : ` (${update[2]})`}`,
    };
  const bad = BAD_TRANSFER.exec(request);
  if (bad === null) return NAMED_LINE_UNUSED;
  return {
    ...base,
    kind: 'zone-transfer',
    name: bad[1] as string,
    type: undefined,
    reason: `bad zone transfer request: ${bad[2] as string}`,
  };
}

const ACTIONS: Record<NamedDenial['kind'], string> = {
  query: 'dns_query_denied',
  'zone-transfer': 'dns_zone_transfer_denied',
  update: 'dns_update_denied',
};

/**
 * A refused DNS request as ECS: `dns_query_denied`, `dns_zone_transfer_denied` or
 * `dns_update_denied` (`event.category: network`, failure), `source.ip` and port, the name asked for
 * in `dns.question.name` and its type in `dns.question.type`, `service.name: dns`.
 */
export function mapNamedDenial(line: string, found: NamedDenial, time: number, host?: string): SecurityEvent {
  const event = buildLoginFailureEvent({
    original: line,
    time,
    module: 'bind',
    dataset: 'bind.security',
    category: ['network'],
    action: ACTIONS[found.kind],
    reason: found.reason,
    ip: found.ip,
    port: found.port,
    service: 'dns',
    host,
  });
  event.event.type = ['denied'];
  event.dns = {
    question: found.type === undefined ? { name: found.name } : { name: found.name, type: found.type },
  };
  return event;
}

/** Not a line of BIND's own log. */
export const NOT_BIND = 'not-bind-log';

/**
 * BIND's own log file (a `logging` channel's `file`, `print-time yes`): `DD-Mon-YYYY HH:MM:SS.mmm `,
 * then `CATEGORY: ` and `SEVERITY: ` where the channel prints them, then the message. Tomcat writes
 * the same time, so a line is BIND's only with one of BIND's categories or a `client ` message.
 */
const HEAD =
  /^(\d{2})-([A-Z][a-z]{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))? (?:([a-z][a-z0-9-]{0,31}): )?(?:((?:critical|error|warning|notice|info|debug(?: \d{1,2})?|dynamic)): )?/;
const SEVERITIES = /^(?:critical|error|warning|notice|info|debug(?: \d{1,2})?|dynamic)$/;
const CATEGORIES = new Set([
  'default',
  'general',
  'security',
  'queries',
  'query-errors',
  'client',
  'config',
  'database',
  'delegation-only',
  'dispatch',
  'dnssec',
  'dnstap',
  'edns-disabled',
  'lame-servers',
  'network',
  'notify',
  'nsid',
  'rate-limit',
  'resolver',
  'rpz',
  'serve-stale',
  'spill',
  'trust-anchor-telemetry',
  'unmatched',
  'update',
  'update-security',
  'xfer-in',
  'xfer-out',
  'zoneload',
  'cname',
  'sslkeylog',
]);

/** A line of BIND's own log: the request it refused, or why it is none. Its time has no zone. */
export function readBindLine(line: string): (NamedDenial & RecordTime) | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_BIND;
  const message = line.slice(head[0].length);
  // A severity alone (`print-category no`) reads as the first word.
  const category =
    head[8] !== undefined && head[9] === undefined && SEVERITIES.test(head[8]) ? undefined : head[8];
  if (!(category === undefined ? message.startsWith('client ') : CATEGORIES.has(category))) return NOT_BIND;
  const n = (index: number) => Number(head[index]);
  const time = utcMillis(
    n(3),
    monthNumber(head[2] as string),
    n(1),
    n(4),
    n(5),
    n(6),
    head[7] === undefined ? 0 : n(7),
  );
  if (Number.isNaN(time)) return NOT_BIND;
  const found = matchNamedDenial(message);
  return typeof found === 'string' ? found : { ...found, time, zoned: false };
}

export const bindParser: ParserDefinition = {
  format: 'bind',
  description: "BIND's own log (a named logging channel's file): refused queries, zone transfers and updates",
  sniff: (sample) => shareOfLines(sample, (line) => readBindLine(line) !== NOT_BIND),
  create: (options) =>
    createRecordParser(readBindLine, (line, found) => mapNamedDenial(line, found, found.time), options),
};
