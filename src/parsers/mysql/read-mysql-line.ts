import { normalizeIp } from '../sshd/parse-address.ts';

/** A refused MySQL or MariaDB login, as the server's error log reports it. */
export interface MysqlLoginFailure {
  /** Epoch ms, or NaN where the line's own time is not read (a syslog line has its own). */
  time: number;
  /** Whether the line wrote its time's zone (5.7's and 8.0's `Z` or offset); else it is read as UTC. */
  zoned?: boolean;
  user: string;
  /** The client's address, or its name when the server resolved it (`localhost`: none). */
  ip: string | undefined;
  domain: string | undefined;
  /** Whether the client sent a password. */
  withPassword: boolean;
}

/** Not a line of MySQL's or MariaDB's error log. */
export const NOT_MYSQL = 'not-mysql-error-log';
/** A line of the error log that is no refused login. */
export const MYSQL_LINE_UNUSED = 'mysql-line-unused';

/**
 * The error log's head: the time in one of the servers' forms (5.1's `130324  0:04:00`, 5.6's and
 * MariaDB's `2015-10-07  8:25:38`, 5.7's and 8.0's `2019-01-03T08:50:04.634875Z`), a thread id, the
 * level and 8.0's `[MY-010926] [Server]`.
 */
const HEAD =
  /^(?:(\d\d)(\d\d)(\d\d) {1,2}(\d{1,2}):(\d\d):(\d\d)|(\d{4})-(\d\d)-(\d\d)[ T] ?(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)?) (?:\d{1,20} )?\[[A-Za-z]{1,16}\] (?:\[[^\]\s]{1,32}\] ){0,3}/;
const DENIED = "Access denied for user '";
const AT = "'@'";
const USING = /' \(using password: (YES|NO)\)\s*$/;

/**
 * A line of MySQL's or MariaDB's error log (a refused login, or why it is none): `HEAD Access denied
 * for user 'U'@'HOST' (using password: YES)`. The client names U and may put `'@'` or `(using
 * password: ...)` in it: the line must end with the server's `(using password: ...)`, and HOST is
 * what lies between it and the last `'@'` before it.
 */
export function readMysqlLine(line: string): MysqlLoginFailure | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_MYSQL;
  const found = readDenied(line.slice(head[0].length));
  if (found === undefined) return MYSQL_LINE_UNUSED;
  return { ...found, time: headTime(head), zoned: head[1] === undefined && head[14] !== undefined };
}

/** The refused login a message (after the head) reports, or undefined. */
export function readDenied(message: string): Omit<MysqlLoginFailure, 'time'> | undefined {
  if (!message.startsWith(DENIED)) return undefined;
  const using = USING.exec(message);
  if (using === null) return undefined;
  const at = message.lastIndexOf(AT, using.index);
  if (at < DENIED.length) return undefined;
  const host = message.slice(at + AT.length, using.index);
  const ip = normalizeIp(host);
  const domain =
    ip === undefined && host !== 'localhost' && /^[A-Za-z0-9._-]{1,253}$/.test(host) ? host : undefined;
  return { user: message.slice(DENIED.length, at), ip, domain, withPassword: using[1] === 'YES' };
}

function headTime(head: RegExpExecArray): number {
  const n = (index: number) => Number(head[index]);
  if (head[1] !== undefined) return Date.UTC(2000 + n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  const ms = Number((head[13] ?? '').padEnd(3, '0').slice(0, 3));
  const time = Date.UTC(n(7), n(8) - 1, n(9), n(10), n(11), n(12), ms);
  const zone = head[14];
  if (zone === undefined || zone === 'Z') return time;
  const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return zone.startsWith('+') ? time - offset : time + offset;
}

/**
 * MySQL's and MariaDB's syslog program names: the servers' own (`mysqld`, `mariadbd`) and the
 * service's, which journald gives an error log written to stderr (`mysql`, `mariadb`).
 */
export function isMysqlProgramAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 5 || length === 6) return text.startsWith(length === 5 ? 'mysql' : 'mysqld', start);
  if (length === 7 || length === 8) return text.startsWith(length === 7 ? 'mariadb' : 'mariadbd', start);
  return false;
}

/** 8.0's syslog sink writes only the level and the ids before the message. */
const SYSLOG_HEAD = /^(?:\[[^\]\s]{1,32}\] ){1,3}/;

/**
 * A refused login in a mysqld syslog line's message: the error log's line whole (with its own
 * head), the ids of 8.0's syslog sink and the message, or the message alone.
 */
export function readMysqlSyslogMessage(message: string): Omit<MysqlLoginFailure, 'time'> | undefined {
  const head = HEAD.exec(message) ?? SYSLOG_HEAD.exec(message);
  return readDenied(head === null ? message : message.slice(head[0].length));
}
