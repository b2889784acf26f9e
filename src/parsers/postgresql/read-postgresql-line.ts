import { isObject, readBoundedJson } from '../../core/index.ts';
import type { RecordTime } from '../record-parser.ts';
import { utcMillis } from '../utc-millis.ts';
import { zoneOffsetMinutes } from '../zone-abbreviations.ts';

/** Not a line of PostgreSQL's log. */
export const NOT_POSTGRESQL = 'not-postgresql-log';

/** A line of PostgreSQL's log: its time, the server process, and its messages. */
export interface PostgresqlLine extends RecordTime {
  pid: number | undefined;
  /**
   * Each message the line may hold, after a `SEVERITY:  ` marker: one, unless the text the client
   * wrote into the prefix or the message (a user or database name) holds a marker of its own.
   */
  messages: string[];
  /** jsonlog's `remote_host` and csvlog's `connection_from` host: the client, as the server wrote it. */
  client?: string | undefined;
  /** The record's text, where it spans more than the line read last (csvlog). */
  original?: string;
}

/**
 * The head log_line_prefix's `%m` or `%t` writes (`2024-03-04 10:00:01.123 UTC `), or `%n`'s epoch
 * (`1709546401.123 `): the prefix's first escape in the default (`%m [%p] `) and in Debian's
 * (`%m [%p] %q%u@%d `). A `[PID]` may follow.
 */
const STAMP_HEAD =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? ([A-Za-z]{1,6}|[+-]\d\d(?::?\d\d)?) (?:\[(\d{1,10})\]:? )?/;
const EPOCH_HEAD = /^(\d{9,11})\.(\d{3}) (?:\[(\d{1,10})\]:? )?/;
/**
 * Amazon RDS's and Aurora's prefix, `%t:%r:%u@%d:[%p]:`: the time, then the client as `%r` writes
 * it (`ADDR(PORT)`, `[local]`), written before the user and database the client chose.
 */
const RDS_HEAD =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? ([A-Za-z]{1,6}|[+-]\d\d(?::?\d\d)?):(?:\[local\]|([0-9A-Fa-f:.]{2,45})\(\d{1,5}\)):/;
/** Where a message starts after RDS's prefix: `:[PID]:` and the severity. */
const RDS_MARKER = /:\[(\d{1,10})\]:(?:LOG|FATAL|ERROR|WARNING|PANIC|NOTICE|INFO|DEBUG[1-5]?): {2}/g;
/**
 * A prefix with `%h %u@%d` after the process (`%m [%p] %h %u@%d `): the client, then the user. Under
 * Debian's `%q%u@%d` a user named `ADDR U` writes the same; the message's quoted user tells them apart.
 */
const HOST_USER_PREFIX = /^([0-9A-Fa-f:.]{2,45}) ([^\s"@]{1,128})@\S{0,128}$/;
/** Where a message starts: the severity (or DETAIL, HINT, ...) and two spaces, as PostgreSQL writes them. */
const MARKER =
  /(?:^| )(?:LOG|FATAL|ERROR|WARNING|PANIC|NOTICE|INFO|DEBUG[1-5]?|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION): {2}/g;

/**
 * A line of PostgreSQL's server log: the stderr form (log_line_prefix beginning with `%m`, `%t` or
 * `%n`, as by default) or jsonlog's (15 on). Why it is none otherwise.
 */
export function readPostgresqlLine(line: string): PostgresqlLine | string {
  if (line.charCodeAt(0) === 123 /* { */) return readJsonLine(line);
  const stamp = STAMP_HEAD.exec(line);
  if (stamp !== null) {
    const time = stampTime(stamp);
    if (time === undefined) return NOT_POSTGRESQL;
    const pid = stamp[9] === undefined ? undefined : Number(stamp[9]);
    const read = withMessages(line.slice(stamp[0].length), { ...time, pid });
    return typeof read === 'string'
      ? read
      : { ...read, client: hostBeforeUser(line.slice(stamp[0].length), read) };
  }
  const rds = RDS_HEAD.exec(line);
  if (rds !== null) return readRdsLine(line.slice(rds[0].length), rds);
  const epoch = EPOCH_HEAD.exec(line);
  if (epoch === null) return NOT_POSTGRESQL;
  const time = Number(epoch[1]) * 1000 + Number(epoch[2]);
  const pid = epoch[3] === undefined ? undefined : Number(epoch[3]);
  return withMessages(line.slice(epoch[0].length), { time, zoned: true, pid });
}

/**
 * The client a `%h %u@%d` prefix names (see HOST_USER_PREFIX), when the line's one message quotes
 * the same user; undefined otherwise.
 */
function hostBeforeUser(rest: string, read: PostgresqlLine): string | undefined {
  if (read.messages.length !== 1) return undefined;
  const prefix = HOST_USER_PREFIX.exec(rest.slice(0, Math.max(rest.search(MARKER), 0)));
  return prefix !== null && (read.messages[0] as string).includes(`"${prefix[2]}"`) ? prefix[1] : undefined;
}

/** A line under RDS's prefix (see RDS_HEAD): `rest` is `%u@%d:[%p]:` and the messages. */
function readRdsLine(rest: string, head: RegExpExecArray): PostgresqlLine | string {
  const time = stampTime(head);
  if (time === undefined) return NOT_POSTGRESQL;
  const markers = [...rest.matchAll(RDS_MARKER)];
  const first = markers[0];
  if (first === undefined) return NOT_POSTGRESQL;
  // The user or database may hold a marker of its own, and a message MARKER's: each starts a
  // message, as in the other prefixes (more than one makes the line ambiguous or forged).
  const after = (found: RegExpExecArray) => rest.slice((found.index ?? 0) + found[0].length);
  const messages = [...markers.map(after), ...messagesIn(after(first))];
  return { ...time, pid: Number(first[1]), messages, client: head[9] };
}

/** A time as `%m` or `%t` write it (`2024-03-04 10:00:01.123 UTC`), as csvlog's first field does. */
export function readPostgresqlTime(text: string): RecordTime | undefined {
  const stamp = STAMP_HEAD.exec(`${text} `);
  return stamp === null || stamp[0].length !== text.length + 1 ? undefined : stampTime(stamp);
}

/** The time STAMP_HEAD read: with its zone when the zone names one offset, else read as UTC. */
function stampTime(stamp: RegExpExecArray): RecordTime | undefined {
  const n = (index: number) => Number(stamp[index]);
  const ms = Number((stamp[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  const wall = utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), ms);
  if (Number.isNaN(wall)) return undefined;
  const offset = zoneOffsetMinutes(stamp[8] as string);
  return offset === undefined ? { time: wall, zoned: false } : { time: wall - offset * 60_000, zoned: true };
}

/**
 * A message as PostgreSQL sends it to syslog (program `postgres`, its syslog_ident): `[SEQ-LINE]`
 * (syslog_sequence_numbers), then log_line_prefix and the message. Lines after a message's first
 * (`[SEQ-2]`, ...) continue it, so they cannot start one: what a client wrote there is never read.
 */
export function readPostgresqlSyslogMessage(message: string): string[] | undefined {
  const sequence = /^\[\d{1,10}-(\d{1,6})\] /.exec(message);
  if (sequence !== null && sequence[1] !== '1') return undefined;
  const messages = messagesIn(sequence === null ? message : message.slice(sequence[0].length));
  return messages.length === 0 ? undefined : messages;
}

function withMessages(rest: string, head: RecordTime & { pid: number | undefined }): PostgresqlLine | string {
  const messages = messagesIn(rest);
  return messages.length === 0 ? NOT_POSTGRESQL : { ...head, messages };
}

/** What follows each severity marker of `text`, the first first. */
function messagesIn(text: string): string[] {
  const messages: string[] = [];
  for (const found of text.matchAll(MARKER)) messages.push(text.slice((found.index ?? 0) + found[0].length));
  return messages;
}

/** jsonlog (15 on): `timestamp`, `pid`, `remote_host`, `error_severity`, `message`. */
function readJsonLine(line: string): PostgresqlLine | string {
  const parsed = readBoundedJson(line);
  if (!parsed.ok || !isObject(parsed.value)) return NOT_POSTGRESQL;
  const doc = parsed.value;
  if (typeof doc.timestamp !== 'string' || typeof doc.message !== 'string') return NOT_POSTGRESQL;
  if (typeof doc.error_severity !== 'string' || typeof doc.backend_type !== 'string') return NOT_POSTGRESQL;
  const head = STAMP_HEAD.exec(`${doc.timestamp} `);
  const time = head === null ? undefined : stampTime(head);
  if (time === undefined) return NOT_POSTGRESQL;
  return {
    ...time,
    pid: typeof doc.pid === 'number' ? doc.pid : undefined,
    messages: [doc.message],
    client: typeof doc.remote_host === 'string' ? doc.remote_host : undefined,
  };
}
