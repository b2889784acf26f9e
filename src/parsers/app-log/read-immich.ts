import { stripVTControlCharacters } from 'node:util';
import { utcMillis } from '../utc-millis.ts';
import { addressAfterUser } from './address-after-user.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const IMMICH_LINE_UNUSED = 'immich-line-unused';
const IMMICH = { app: 'immich', dataset: 'immich.log' };

/** NestJS's head, `[Nest] 7  - 08/02/2023, 7:32:47 PM    WARN [AuthService] `: a US date, local time. */
const HEAD =
  /^\[Nest\] \d{1,10} {1,2}- (\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))? {1,8}[A-Z]{3,7} \[AuthService\] /;
const FAILED = 'Failed login attempt for user ';
const FROM = / from ip address ([0-9A-Fa-f:.]{2,45})(?= |$)/g;

/**
 * A line of Immich's server log: `Failed login attempt for user U from ip address ADDR`, or why it
 * is none. The address ends the line, after the user the client typed: a line naming a second
 * ` from ip address ` is a forged line. The time is local, written without a zone.
 */
export function readImmichLine(raw: string): AppLoginRecord | AppForgedRecord | string {
  // NestJS colours its console log; a log taken from `docker logs` keeps the escapes.
  const line = raw.includes('\x1b') ? stripVTControlCharacters(raw) : raw;
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  if (!line.startsWith(FAILED, head[0].length)) return IMMICH_LINE_UNUSED;
  const rest = line.slice(head[0].length + FAILED.length);
  const time = { time: usTime(head), zoned: false };
  const found = addressAfterUser(rest, FROM);
  if (Number.isNaN(time.time) || found === undefined) return IMMICH_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...IMMICH, ...found };
  return appLogin(IMMICH, time, 'failure', found.user, found.ip, 'Failed login attempt');
}

/** `MM/DD/YYYY, h:mm:ss AM` (or a 24-hour clock without AM/PM) as UTC milliseconds of its wall time, NaN for none. */
function usTime(head: RegExpExecArray): number {
  const n = (index: number) => Number(head[index]);
  const half = head[7];
  const hour = half === undefined ? n(4) : (n(4) % 12) + (half === 'PM' ? 12 : 0);
  return utcMillis(n(3), n(1), n(2), hour, n(5), n(6));
}
