import { isObject, readBoundedJson } from '../../core/index.ts';
import { isoRecordTime } from '../record-parser.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, withoutQuotes } from './app-login-record.ts';

export const NEXTCLOUD_LINE_UNUSED = 'nextcloud-line-unused';
const NEXTCLOUD = { app: 'nextcloud', dataset: 'nextcloud.log' };

const FAILED = 'Login failed: ';
const REMOTE = ' (Remote IP: ';

/**
 * A line of Nextcloud's log (`nextcloud.log`, one JSON object a line: `reqId`, `time`, `remoteAddr`,
 * `message`, ...): its failed login (`Login failed: U (Remote IP: ADDR)`, older versions
 * `Login failed: 'U' (Remote IP: 'ADDR')`), or why it is none. The address is `remoteAddr`, which
 * Nextcloud fills in (behind `trusted_proxies`, with the client's); the client names U, so it runs
 * to the last ` (Remote IP: `.
 */
export function readNextcloudLine(line: string): AppLoginRecord | string {
  if (line.charCodeAt(0) !== 123 /* { */) return NOT_THIS_APP;
  const parsed = readBoundedJson(line);
  const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  if (doc === undefined || typeof doc.reqId !== 'string' || typeof doc.time !== 'string') return NOT_THIS_APP;
  if (typeof doc.remoteAddr !== 'string' || typeof doc.message !== 'string') return NOT_THIS_APP;
  const time = isoRecordTime(doc.time);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const message = doc.message;
  const remote = message.lastIndexOf(REMOTE);
  const ip = normalizeIp(doc.remoteAddr);
  if (!message.startsWith(FAILED) || remote < FAILED.length || ip === undefined) return NEXTCLOUD_LINE_UNUSED;
  const user = withoutQuotes(message.slice(FAILED.length, remote), "'");
  return appLogin(NEXTCLOUD, time, 'failure', user, ip, 'Login failed');
}
