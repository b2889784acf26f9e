import { isoRecordTime } from '../record-parser.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';
import { addressAfterUser } from './address-after-user.ts';

export const MIKROTIK_LINE_UNUSED = 'mikrotik-line-unused';
const MIKROTIK = { app: 'mikrotik', dataset: 'mikrotik.log' };

/**
 * RouterOS's remote log as a syslog server files it with an ISO time: `TIME HOST TOPICS MESSAGE`,
 * the topics RouterOS's (`system,error,critical`) where other programs write their name.
 */
const HEAD =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) \S{1,253} ((?:[a-z]{1,16},){1,5}[a-z]{1,16}) /;
const FAILURE = 'login failure for user ';
const LOGGED_IN = 'user ';
/** ` from ADDR via `, after the user (` logged in` between them on a login). */
const FROM = / from ([0-9A-Fa-f:.]{2,45}) via /g;
/** The service the login came by, which ends the line. */
const SERVICE = /^[a-z-]{1,16}$/;

/**
 * A line of MikroTik RouterOS's log: `login failure for user U from ADDR via SERVICE` (winbox, ssh,
 * telnet, web, api, ftp) and `user U logged in from ADDR via SERVICE`, or why it is none. The client names U before the address: a line with a
 * second ` from ADDR via ` is a forged line.
 */
export function readMikrotikLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const time = isoRecordTime(head[1] as string);
  const rest = line.slice(head[0].length);
  const failed = rest.startsWith(FAILURE);
  if (Number.isNaN(time.time) || !(head[2] as string).startsWith('system,')) return MIKROTIK_LINE_UNUSED;
  if (!failed && !(rest.startsWith(LOGGED_IN) && rest.includes(' logged in from ')))
    return MIKROTIK_LINE_UNUSED;
  const found = addressAfterUser(rest.slice(failed ? FAILURE.length : LOGGED_IN.length), FROM);
  if (found === undefined) return MIKROTIK_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...MIKROTIK, ...found };
  if (!SERVICE.test(found.after)) return MIKROTIK_LINE_UNUSED;
  if (failed)
    return appLogin(MIKROTIK, time, 'failure', found.user, found.ip, `login failure via ${found.after}`);
  if (!found.user.endsWith(' logged in')) return MIKROTIK_LINE_UNUSED;
  return appLogin(
    MIKROTIK,
    time,
    'success',
    found.user.slice(0, -' logged in'.length),
    found.ip,
    `logged in via ${found.after}`,
  );
}
