import { monthNumber } from '../month-number.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { utcMillis } from '../utc-millis.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const WEBMIN_LINE_UNUSED = 'webmin-line-unused';
const WEBMIN = { app: 'webmin', dataset: 'webmin.actions' };

/**
 * Webmin's action log (`/var/webmin/webmin.log`), one action a line: `ID [DD/Mon/YYYY HH:MM:SS]
 * USER SESSION ADDR MODULE SCRIPT "ACTION" "TYPE" "OBJECT"`. Every field before the quoted ones is
 * one word, so a user name with a space in it matches nothing rather than moving the address.
 */
const ACTION =
  /^\d{1,20}\.\d{1,20}\.\d{1,20} \[(\d{1,2})\/([A-Z][a-z]{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})\] (\S+) (\S+) (\S+) (\S+) (\S+) "([^"]*)" "([^"]*)" "([^"]*)"$/;

/**
 * A line of Webmin's action log: the login miniserv refused (`miniserv.pl "failed" "-" "REASON"`,
 * REASON such as `wrongpass`), or why it is none. Its time is local and has no zone: read in the
 * zone given.
 */
export function readWebminLine(line: string): AppLoginRecord | string {
  const found = ACTION.exec(line);
  if (found === null) return NOT_THIS_APP;
  const [, day, month, year, hour, minute, second, user, , address, , script, action, , reason] =
    found as unknown as string[];
  const time = utcMillis(
    Number(year),
    monthNumber(month as string),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  if (Number.isNaN(time)) return NOT_THIS_APP;
  const ip = normalizeIp(address as string);
  if (script !== 'miniserv.pl' || action !== 'failed' || ip === undefined) return WEBMIN_LINE_UNUSED;
  return appLogin(
    WEBMIN,
    { time, zoned: false },
    'failure',
    user,
    ip,
    reason === '' ? 'failed' : (reason as string),
  );
}
