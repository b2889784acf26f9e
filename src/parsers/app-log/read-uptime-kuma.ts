import { isoRecordTime } from '../record-parser.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';
import { addressAfterUser } from './address-after-user.ts';

export const UPTIME_KUMA_LINE_UNUSED = 'uptime-kuma-line-unused';
const UPTIME_KUMA = { app: 'uptime-kuma', dataset: 'uptime-kuma.log' };

/** `2022-04-25T15:08:29.098Z [AUTH] WARN: ` */
const HEAD =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?) \[AUTH\] [A-Z]{4,5}: /;
/** A wrong password, and (the password right) a wrong two-factor token. */
const FAILURES = ['Incorrect username or password', 'Invalid token provided'];
const FROM = /\. IP=([0-9A-Fa-f:.]{2,45})(?= |$)/g;

/**
 * A line of Uptime Kuma's log: `[AUTH] WARN: Incorrect username or password for user U. IP=ADDR`
 * (`Invalid token provided` for a wrong two-factor code), or why it is none. The client names U
 * before the address: a line with a second `. IP=` is a forged line.
 */
export function readUptimeKumaLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const time = isoRecordTime(head[1] as string);
  const rest = line.slice(head[0].length);
  const reason = FAILURES.find((text) => rest.startsWith(`${text} for user `));
  if (Number.isNaN(time.time) || reason === undefined) return UPTIME_KUMA_LINE_UNUSED;
  const found = addressAfterUser(rest.slice(`${reason} for user `.length), FROM);
  if (found === undefined) return UPTIME_KUMA_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...UPTIME_KUMA, ...found };
  return appLogin(UPTIME_KUMA, time, 'failure', found.user, found.ip, reason);
}
