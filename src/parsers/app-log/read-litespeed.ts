import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const LITESPEED_LINE_UNUSED = 'litespeed-line-unused';
const LITESPEED = { app: 'litespeed', dataset: 'litespeed.error' };

/**
 * `2022-06-08 22:49:20.774649 [NOTICE] [1226033] [ADDR:PORT:HTTP2-41#_AdminVHost] `: the connection
 * first, an IPv6 address in brackets (bare, its port and the connection's id would run into it).
 */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? \[[A-Z]{4,8}\] \[\d{1,10}\] \[(\[[0-9A-Fa-f:.]{2,45}\]|[0-9.]{7,15}):\d{1,5}[^\]]{0,128}\] /;
const FAILED = '[STDERR] [WebAdmin Console] Failed Login Attempt - username:';

/**
 * A line of LiteSpeed's (or OpenLiteSpeed's) error log: its WebAdmin console's `Failed Login
 * Attempt - username:U ip:ADDR url:...`, or why it is none. The address is the connection's, which
 * LiteSpeed writes before the message; the `ip:` after the user the client named is not read. The
 * time has no zone.
 */
export function readLitespeedLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const rest = line.slice(head[0].length);
  const ip = normalizeIp((head[8] as string).replace(/^\[|\]$/g, ''));
  if (!rest.startsWith(FAILED) || ip === undefined) return LITESPEED_LINE_UNUSED;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const user = rest.slice(FAILED.length, Math.max(rest.lastIndexOf(' ip:'), FAILED.length));
  return appLogin(LITESPEED, time, 'failure', user, ip, 'WebAdmin Console login failed');
}
