import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';
import { addressAfterUser } from './address-after-user.ts';

export const ODOO_LINE_UNUSED = 'odoo-line-unused';
const ODOO = { app: 'odoo', dataset: 'odoo.log' };

/** `2022-04-05 14:40:34,644 1 INFO odoo odoo.addons.base.models.res_users: ` (the database after the level). */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) \d{1,10} [A-Z]{4,8} \S{1,128} odoo\.addons\.base\.models\.res_users: /;
const OUTCOMES = [
  ['Login failed for db:', 'failure'],
  ['Login successful for db:', 'success'],
] as const;
const FROM = / from ([0-9A-Fa-f:.]{2,45})(?= |$)/g;

/**
 * A line of Odoo's log: `Login failed for db:D login:U from ADDR` (`Login successful ...` for a
 * login), or why it is none. The client names U (and D) before the address: a line with a second
 * ` from ADDR` is a forged line. The time has no zone.
 */
export function readOdooLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const rest = line.slice(head[0].length);
  const outcome = OUTCOMES.find(([text]) => rest.startsWith(text));
  const login = rest.indexOf(' login:');
  if (outcome === undefined || login < 0) return ODOO_LINE_UNUSED;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const found = addressAfterUser(rest.slice(login + ' login:'.length), FROM);
  if (found === undefined) return ODOO_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...ODOO, ...found };
  return appLogin(ODOO, time, outcome[1], found.user, found.ip, outcome[0].slice(0, -' for db:'.length));
}
