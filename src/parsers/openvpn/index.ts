import type { SecurityEvent } from '../../core/index.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { monthNumber } from '../month-number.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { programNamed } from '../syslog/index.ts';
import { utcMillis } from '../utc-millis.ts';
import type { OpenvpnRefusal } from './read-openvpn-message.ts';
import { isOpenvpnMessage, readOpenvpnMessage } from './read-openvpn-message.ts';

export type { OpenvpnRefusal } from './read-openvpn-message.ts';
export { readOpenvpnMessage } from './read-openvpn-message.ts';

/** Not a line of OpenVPN's log. */
export const NOT_OPENVPN = 'not-openvpn-log';
/** A line of OpenVPN's log that refuses no client. */
export const OPENVPN_LINE_UNUSED = 'openvpn-line-unused';

/** OpenVPN's own log (`--log`): 2.5 on `2024-12-15 14:12:12 `, before `Sun Dec 15 14:12:12 2024 `. */
const HEAD =
  /^(?:(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})) (?:us=\d{1,6} )?/;

/** A line of OpenVPN's own log: the client it refused and the line's time (local: no zone), or why none. */
export function readOpenvpnLine(line: string): (OpenvpnRefusal & RecordTime) | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_OPENVPN;
  const n = (index: number) => Number(head[index]);
  const time =
    head[1] !== undefined
      ? utcMillis(n(1), n(2), n(3), n(4), n(5), n(6))
      : utcMillis(n(12), monthNumber(head[7] as string), n(8), n(9), n(10), n(11));
  const message = line.slice(head[0].length);
  // Many logs start with such a time: the message must be OpenVPN's too.
  if (Number.isNaN(time) || !isOpenvpnMessage(message)) return NOT_OPENVPN;
  const found = readOpenvpnMessage(message);
  return found === undefined ? OPENVPN_LINE_UNUSED : { ...found, time, zoned: false };
}

/**
 * A refused client as ECS (`event.module: openvpn`, `service.name: openvpn`, `source.ip` and
 * port): a refused password is `openvpn_auth_failure` (`event.category: authentication`), a
 * packet without the TLS key `openvpn_tls_rejected` (`network`). `host`: the syslog header's.
 */
export function mapOpenvpnRefusal(
  line: string,
  found: OpenvpnRefusal,
  time: number,
  host?: string,
): SecurityEvent {
  const password = found.kind === 'password';
  return buildLoginFailureEvent({
    original: line,
    time,
    module: 'openvpn',
    dataset: 'openvpn.log',
    category: password ? ['authentication', 'network'] : ['network'],
    action: password ? 'openvpn_auth_failure' : 'openvpn_tls_rejected',
    reason: found.reason,
    ip: found.ip,
    port: found.port,
    service: 'openvpn',
    host,
  });
}

/**
 * OpenVPN's syslog names: its own, and Debian's and Ubuntu's per-instance `ovpn-NAME`
 * (`openvpn@server` logs as `ovpn-server`).
 */
const isOpenvpnProgram = programNamed('openvpn');
export function isOpenvpnAt(text: string, start: number, end: number): boolean {
  return isOpenvpnProgram(text, start, end) || (end - start > 5 && text.startsWith('ovpn-', start));
}

export const openvpnParser: ParserDefinition = {
  format: 'openvpn',
  description: "OpenVPN's own log: refused passwords and packets without the TLS key",
  sniff: (sample) => shareOfLines(sample, (line) => readOpenvpnLine(line) !== NOT_OPENVPN),
  create: (options) =>
    createRecordParser(readOpenvpnLine, (line, found) => mapOpenvpnRefusal(line, found, found.time), options),
};
