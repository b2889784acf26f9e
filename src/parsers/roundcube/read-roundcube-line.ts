import { READ_AS_UTC, type ZonelessTime } from '../../core/index.ts';
import type { ForgedAddresses } from '../forged-address-event.ts';
import { monthNumber } from '../month-number.ts';
import type { RecordTime } from '../record-parser.ts';
import { utcMillis } from '../utc-millis.ts';
import type { createRoundcubeReader, RoundcubeLogin } from './match-roundcube-login.ts';

/** Not a line of Roundcube's logs. */
export const NOT_ROUNDCUBE = 'not-roundcube-log';
/** A line of Roundcube's logs that reports no login. */
export const ROUNDCUBE_LINE_UNUSED = 'roundcube-line-unused';

/** The head of Roundcube's log files: `[22-Jan-2013 22:28:21 +0200]: ` (PHP's `d-M-Y H:i:s O`). */
const HEAD = /^\[(\d\d)-([A-Z][a-z]{2})-(\d{4}) (\d\d):(\d\d):(\d\d)(?: ([+-])(\d\d)(\d\d))?\]: /;
/** The session id's first characters, which Roundcube writes before a message (`log_session_id`). */
const SESSION = /^<[A-Za-z0-9,-]{1,64}> /;

/** Reads one input's Roundcube messages (see createRoundcubeReader). */
export type RoundcubeReader = ReturnType<typeof createRoundcubeReader>;

/**
 * A line of Roundcube's errors or userlogins log: the login it reports and its time (one written
 * without a zone read by `zoneless`), or why none.
 */
export function readRoundcubeLine(
  line: string,
  reader: RoundcubeReader,
  zoneless: ZonelessTime = READ_AS_UTC,
): ((RoundcubeLogin | ForgedAddresses) & RecordTime) | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_ROUNDCUBE;
  const n = (index: number) => Number(head[index]);
  let time = utcMillis(n(3), monthNumber(head[2] as string), n(1), n(4), n(5), n(6));
  if (Number.isNaN(time)) return NOT_ROUNDCUBE;
  if (head[7] !== undefined) {
    const offset = (n(8) * 60 + n(9)) * 60_000;
    time += head[7] === '+' ? -offset : offset;
  } else {
    time = zoneless(time);
  }
  const found = readRoundcubeMessage(line.slice(head[0].length), time, reader);
  if (found === undefined) return ROUNDCUBE_LINE_UNUSED;
  return typeof found === 'string' ? found : { ...found, time, zoned: true };
}

/** The login a message reports (after the time or the syslog tag, a session prefix allowed). */
export function readRoundcubeMessage(
  message: string,
  time: number,
  reader: RoundcubeReader,
): RoundcubeLogin | ForgedAddresses | string | undefined {
  const session = SESSION.exec(message);
  return reader(session === null ? message : message.slice(session[0].length), time);
}
