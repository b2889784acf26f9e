import type { SecurityEvent } from '../../core/index.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { utcMillis } from '../utc-millis.ts';

/** A ban fail2ban's actions put on an address. */
export interface Fail2banBan {
  /** The jail that banned it (`sshd`, `postfix-sasl`, `recidive`). */
  jail: string;
  ip: string;
  /** The server's process id, when the line names it. */
  pid: number | undefined;
}

/** A line of fail2ban's log with its time. */
export type Fail2banRecord = Fail2banBan & RecordTime;

/** Not a line of fail2ban's log. */
export const NOT_FAIL2BAN = 'not-fail2ban-log';
/** A line of its log that is no new ban: an unban, a ban restored after a restart, a failure it found. */
export const FAIL2BAN_LINE_UNUSED = 'fail2ban-line-unused';

/**
 * fail2ban's own log (`logtarget` a file): `TIME fail2ban.LOGGER [PID]: LEVEL MESSAGE`, TIME
 * `YYYY-MM-DD HH:MM:SS,mmm` in local time, the logger name padded to 24 characters since 0.10
 * (`fail2ban.actions: ` before it, `[PID]` after the name in between).
 */
const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:,(\d{3}))? (fail2ban\..*)$/;
/** After the header: the logger, its process id, the level and the message. */
const MESSAGE = /^fail2ban\.([a-z]{1,32})(?: *\[(\d{1,10})\])?: ([A-Z]{4,8}) +(.{1,512})$/;
/**
 * actions.py's `[JAIL] Ban ADDR` (`Restore Ban` for a ban read back from its database after a restart).
 * A jail is named in fail2ban's configuration; the address is what its filter found.
 */
const BAN = /^\[([^\]\s]{1,64})\] (Restore )?Ban ([0-9A-Fa-f:.]{2,45})$/;

/** A line of fail2ban's own log (see LINE): its new ban, or why it has none. */
export function readFail2banLine(line: string): Fail2banRecord | string {
  const found = LINE.exec(line);
  if (found === null) return NOT_FAIL2BAN;
  const n = (index: number) => Number(found[index] ?? 0);
  const time = utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), n(7));
  if (Number.isNaN(time)) return NOT_FAIL2BAN;
  const ban = readFail2banMessage(found[8] as string);
  return typeof ban === 'string' ? ban : { ...ban, time, zoned: false };
}

/**
 * fail2ban's message after its time (`fail2ban.actions [PID]: NOTICE [sshd] Ban ADDR`), as its own
 * log and syslog (the journal of `fail2ban-server`) carry it: a new ban, or why it is none.
 */
export function readFail2banMessage(message: string): Fail2banBan | string {
  const found = MESSAGE.exec(message);
  if (found === null) return NOT_FAIL2BAN;
  const pid = found[2] === undefined ? undefined : Number(found[2]);
  return readBan(found[1] === 'actions' ? (found[4] as string) : '', pid);
}

/**
 * The message of a `fail2ban.actions` line in syslog, whose tag is the logger's name
 * (`fail2ban.actions[PID]: NOTICE [sshd] Ban ADDR`): the level, then the message.
 */
export function readFail2banActionsMessage(message: string, pid: number | undefined): Fail2banBan | string {
  const level = /^[A-Z]{4,8} +/.exec(message);
  return level === null ? NOT_FAIL2BAN : readBan(message.slice(level[0].length), pid);
}

const SERVER = 'fail2ban-server';
const ACTIONS = 'fail2ban.actions';

/** Whether the program name `text` holds from `start` to `end` is fail2ban's in syslog (no string made). */
export function isFail2banAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === SERVER.length) return text.startsWith(SERVER, start);
  return length === ACTIONS.length && text.startsWith(ACTIONS, start);
}

function readBan(text: string, pid: number | undefined): Fail2banBan | string {
  const ban = BAN.exec(text);
  // A restored ban is one already counted before the restart.
  if (ban === null || ban[2] !== undefined) return FAIL2BAN_LINE_UNUSED;
  const ip = normalizeIp(ban[3] as string);
  return ip === undefined ? FAIL2BAN_LINE_UNUSED : { jail: ban[1] as string, ip, pid };
}

/**
 * A ban as ECS: `event.action: ip_banned` (`event.kind: alert`, `event.category: [intrusion_detection,
 * network]`, `event.type: [denied]`), `event.module: fail2ban`, the jail in `rule.name`, the
 * address in `source.ip`; `host` the syslog header's, where the line came through syslog.
 */
export function mapFail2banBan(line: string, ban: Fail2banBan, time: number, host?: string): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(time).toISOString(),
    event: {
      original: line,
      kind: 'alert',
      module: 'fail2ban',
      dataset: 'fail2ban.log',
      category: ['intrusion_detection', 'network'],
      type: ['denied'],
      action: 'ip_banned',
      outcome: 'success',
      reason: `banned by jail ${ban.jail}`,
    },
    rule: { name: ban.jail },
    source: { address: ban.ip, ip: ban.ip },
    process: ban.pid === undefined ? { name: 'fail2ban-server' } : { name: 'fail2ban-server', pid: ban.pid },
    related: relatedFields([], ban.ip, host),
  };
  if (host !== undefined) event.host = { hostname: host, name: host };
  return event;
}

export const fail2banParser: ParserDefinition = {
  format: 'fail2ban',
  description: "fail2ban's own log: the addresses its jails banned",
  sniff: (sample) => shareOfLines(sample, (line) => readFail2banLine(line) !== NOT_FAIL2BAN),
  create: (options) =>
    createRecordParser(
      readFail2banLine,
      (line, record) => mapFail2banBan(line, record, record.time),
      options,
    ),
};
