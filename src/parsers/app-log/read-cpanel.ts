import { parseFixedOffset } from '../../core/index.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const CPANEL_LINE_UNUSED = 'cpanel-line-unused';
const CPANEL = { app: 'cpanel', dataset: 'cpanel.login' };

/**
 * cPanel's `login_log`: `[2022-06-29 14:06:40 +1000] info [cpaneld] ADDR - U "REQUEST" FAILED LOGIN
 * cpaneld: REASON`, from its daemons (cpaneld, whostmgrd for WHM, webmaild, cpdavd).
 */
const HEAD =
  /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4})\] [a-z]{4,8} \[(cpaneld|whostmgrd|webmaild|cpdavd)\] ([0-9A-Fa-f:.]{2,45}) - /;
const FAILED = '" FAILED LOGIN ';

/**
 * A line of cPanel's login log: a login cPanel, WHM or webmail refused, or why it is none. cPanel
 * writes the address first; the user (to the request's opening quote) and the request the client
 * sent follow it, and cPanel's verdict ends the line.
 */
export function readCpanelLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const offset = parseFixedOffset(head[3] as string);
  const time = Date.parse(`${head[1]}T${head[2]}Z`) - (offset ?? 0);
  const rest = line.slice(head[0].length);
  const verdict = rest.lastIndexOf(FAILED);
  const reason = rest.slice(verdict + FAILED.length);
  const ip = normalizeIp(head[5] as string);
  if (verdict < 0 || !reason.startsWith(`${head[4]}: `) || ip === undefined) return CPANEL_LINE_UNUSED;
  if (Number.isNaN(time) || offset === undefined) return CPANEL_LINE_UNUSED;
  const user = rest.slice(0, Math.max(rest.indexOf(' "'), 0));
  return appLogin(CPANEL, { time, zoned: true }, 'failure', user, ip, reason);
}
