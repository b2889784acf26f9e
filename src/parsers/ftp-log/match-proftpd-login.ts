import { normalizeIp } from '../sshd/parse-address.ts';
import { ftpLogin, type FtpLogin } from './ftp-login.ts';

/**
 * Why ProFTPD refused a login (mod_auth's messages, as fail2ban's filter lists them), lower case: a
 * line of `USER U[ (Login failed)]: REASON` is one failed login.
 */
const FAILURE_REASONS = [
  'incorrect password',
  'no such user found',
  'user not authorized for login',
  'password expired',
  'account disabled',
  'invalid shell',
  'user in ',
  'limit access denies login',
  'limit configuration denies login',
  'not a useralias',
  'maximum login length exceeded',
];
const LOGIN_FAILED = ' (Login failed)';
const SUCCESS = [': Login successful.', ': Login successful'];
const SECURITY_VIOLATION = /^SECURITY VIOLATION: (root) login attempted\.?$/i;
const MAX_ATTEMPTS = /^Maximum login attempts \(\d{1,6}\) exceeded\s*$/;

/**
 * A ProFTPD message after its tag: `SERVER (CLIENT[ADDR]) - MESSAGE` (`proftpd[PID]: ...`) or
 * `SERVER (CLIENT[ADDR]): MESSAGE` (`proftpd[PID] ...` without the colon, as older versions and its
 * own log file write it). The address is the header's, which ProFTPD writes before anything the
 * client sent: a user name holding a header of its own moves nothing. Undefined for any message
 * that is not a login.
 */
export function matchProftpdLogin(text: string): FtpLogin | undefined {
  const open = text.indexOf(' (');
  if (open <= 0 || text.lastIndexOf(' ', open - 1) >= 0) return undefined;
  const close = text.indexOf('])', open);
  if (close < 0) return undefined;
  const bracket = text.lastIndexOf('[', close);
  if (bracket <= open) return undefined;
  const ip = normalizeIp(text.slice(bracket + 1, close));
  if (ip === undefined) return undefined;
  let messageAt: number;
  if (text.startsWith('): ', close + 1)) messageAt = close + 4;
  else if (text.startsWith(') - ', close + 1)) messageAt = close + 5;
  else return undefined;
  return matchMessage(text.slice(messageAt).trimEnd(), ip);
}

function matchMessage(message: string, ip: string): FtpLogin | undefined {
  if (MAX_ATTEMPTS.test(message))
    return {
      server: 'proftpd',
      action: 'ftp_max_login_attempts',
      outcome: 'failure',
      user: undefined,
      ip,
      reason: message,
    };
  const violation = SECURITY_VIOLATION.exec(message);
  if (violation !== null)
    return {
      server: 'proftpd',
      action: 'ftp_login',
      outcome: 'failure',
      user: 'root',
      ip,
      reason: 'root login attempted',
    };
  if (!message.startsWith('USER ') && !message.startsWith('ANON ')) return undefined;
  // The client wrote the user name, which may hold anything; what ProFTPD wrote after it is the
  // line's end: a success ends the line, and a failure's reason is the last one written.
  for (const success of SUCCESS)
    if (message.endsWith(success))
      return ftpLogin('proftpd', 'success', message.slice(5, -success.length), ip, undefined);
  const lower = message.toLowerCase();
  let at = -1;
  for (const reason of FAILURE_REASONS) at = Math.max(at, lower.lastIndexOf(`: ${reason}`));
  if (at < 5) return undefined;
  let user = message.slice(5, at);
  if (user.endsWith(LOGIN_FAILED)) user = user.slice(0, -LOGIN_FAILED.length);
  return ftpLogin('proftpd', 'failure', user, ip, reasonAt(message, at + 2));
}

/** The reason at `start`, without the addresses `no such user found` goes on with. */
function reasonAt(message: string, start: number): string {
  const reason = message.slice(start);
  const from = reason.indexOf(' from ');
  return (from > 0 ? reason.slice(0, from) : reason).replace(/\.$/, '');
}

const BARE_TAG = /^proftpd\[(\d{1,10})\] /;

/**
 * A message that starts with ProFTPD's tag but no colon after it (`proftpd[PID] SERVER (...): ...`,
 * as older ProFTPD writes to syslog and every version to its own log file): its pid and the rest, or
 * undefined.
 */
export function readBareProftpdTag(message: string): { pid: number; rest: string } | undefined {
  const tag = BARE_TAG.exec(message);
  return tag === null ? undefined : { pid: Number(tag[1]), rest: message.slice(tag[0].length) };
}
