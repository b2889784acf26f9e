import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const ADGUARD_LINE_UNUSED = 'adguardhome-line-unused';
const ADGUARD = { app: 'adguardhome', dataset: 'adguardhome.log' };

/** `2023/02/21 08:05:56.233208 [error] ` */
const HEAD = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? \[(?:error|info|debug)\] /;
const LOGIN_REFUSED = /^POST (\[?[0-9A-Fa-f:.]{2,45}\]?) \/control\/login: (invalid username or password)$/;

/**
 * A line of AdGuard Home's log: `[error] POST ADDR /control/login: invalid username or password`, or
 * why it is none. AdGuard writes the address before anything the client sent, and no user. Its
 * time has no zone.
 */
export function readAdguardHomeLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const found = LOGIN_REFUSED.exec(line.slice(head[0].length));
  const ip = found === null ? undefined : normalizeIp((found[1] as string).replace(/^\[|\]$/g, ''));
  if (found === null || ip === undefined) return ADGUARD_LINE_UNUSED;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  return appLogin(ADGUARD, time, 'failure', undefined, ip, found[2] as string);
}
