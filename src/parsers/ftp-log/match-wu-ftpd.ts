import { normalizeIp } from '../sshd/parse-address.ts';
import type { FtpLogin } from './ftp-login.ts';

const FAILED = /^failed login from \S{1,255} \[([^\]\s]{1,64})\]\s*$/;
const LOGGED_IN = /^FTP LOGIN FROM \S{1,255} \[([^\]\s]{1,64})\], (.{1,256})$/;

/**
 * WU-FTPD's `failed login from NAME [ADDR]` (one failed login; it names no user) and `FTP LOGIN FROM
 * NAME [ADDR], U`. NAME is the client's reverse name, one word. Undefined for any other message.
 */
export function matchWuFtpd(message: string): FtpLogin | undefined {
  const failed = FAILED.exec(message);
  if (failed !== null) return login('failure', failed[1] as string, undefined, 'failed login');
  const success = LOGGED_IN.exec(message);
  if (success !== null) return login('success', success[1] as string, success[2], undefined);
  return undefined;
}

function login(
  outcome: FtpLogin['outcome'],
  address: string,
  user: string | undefined,
  reason: string | undefined,
): FtpLogin | undefined {
  const ip = normalizeIp(address);
  if (ip === undefined) return undefined;
  return { server: 'wu-ftpd', action: 'ftp_login', outcome, user, ip, reason };
}
