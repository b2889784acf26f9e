import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const EMBY_LINE_UNUSED = 'emby-line-unused';
const EMBY = { app: 'emby', dataset: 'emby.log' };

/** `2022-02-14 18:01:07.092 Warn Server: ` */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) (?:Debug|Info|Warn|Error|Fatal) [A-Za-z.]{1,64}: /;
const AUTH_ERROR = /^AUTH-ERROR: ([0-9A-Fa-f:.]{2,45}) - (.{1,256})$/;

/**
 * A line of Emby Server's log (`embyserver.txt`): `AUTH-ERROR: ADDR - Invalid username or password
 * entered.`, or why it is none. Emby writes the address first and names no user. The time has no zone.
 */
export function readEmbyLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const found = AUTH_ERROR.exec(line.slice(head[0].length));
  const ip = found === null ? undefined : normalizeIp(found[1] as string);
  if (found === null || ip === undefined) return EMBY_LINE_UNUSED;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  return appLogin(EMBY, time, 'failure', undefined, ip, (found[2] as string).replace(/\.$/, ''));
}
