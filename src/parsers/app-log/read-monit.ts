import { monthNumber } from '../month-number.ts';
import type { YearResolver } from '../syslog/index.ts';
import { utcMillis } from '../utc-millis.ts';
import { matchWebAdminLogin } from '../web-admin/index.ts';
import { zoneOffsetMinutes } from '../zone-abbreviations.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const MONIT_LINE_UNUSED = 'monit-line-unused';
const MONIT = { app: 'monit', dataset: 'monit.log' };

/**
 * Monit's own log (`set log /var/log/monit.log`, Debian's default): `[ZONE Mon DD HH:MM:SS] LEVEL    :
 * MESSAGE`, the time as strftime's `%Z %b %e %T` writes it: a zone abbreviation (or an offset such
 * as `+03`) and no year.
 */
const HEAD =
  /^\[([A-Za-z]{1,6}|[+-]\d{2}(?::?\d{2})?) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})\] ([a-z]{4,8}) {0,8}: /;

/**
 * A line of Monit's own log (see HEAD): its web interface's refused or accepted login, as its syslog
 * lines report them (see matchWebAdminLogin), or why it is none. The year comes from `years`; the
 * zone from the abbreviation where it names one offset, else the zone the parser is given.
 */
export function readMonitLine(line: string, years: YearResolver): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const month = monthNumber(head[2] as string);
  if (month === 0) return NOT_THIS_APP;
  const n = (index: number) => Number(head[index]);
  const msOfDay = ((n(4) * 60 + n(5)) * 60 + n(6)) * 1000;
  const year = years.resolveYear(month - 1, n(3), msOfDay);
  const wall = utcMillis(year, month, n(3), n(4), n(5), n(6), 0);
  if (Number.isNaN(wall)) return NOT_THIS_APP;
  const offset = zoneOffsetMinutes(head[1] as string);
  const time =
    offset === undefined ? { time: wall, zoned: false } : { time: wall - offset * 60_000, zoned: true };
  const found = matchWebAdminLogin('monit', line.slice(head[0].length));
  if (found === undefined || found.ip === undefined) return MONIT_LINE_UNUSED;
  return appLogin(MONIT, time, found.outcome, found.user, found.ip, found.reason);
}
