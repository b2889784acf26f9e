import { normalizeIp } from '../sshd/parse-address.ts';
import { ftpLogin, type FtpLogin } from './ftp-login.ts';

const FAILED = 'Authentication failed for user [';
const LOGGED_IN = ' is now logged in';

/**
 * Pure-FTPd's lines (in English): `(WHO@ADDR) [WARNING] Authentication failed for user [U]`, one
 * failed login, and `(?@ADDR) [INFO] U is now logged in`. Pure-FTPd writes the address (and WHO, `?`
 * until a login succeeds) before anything the client sent; U, the client's, runs to the last `]` of
 * a failure, and a success is read only from the line's end. Undefined for any other message, and
 * for an address that is a host name (Pure-FTPd resolves them unless run with -H).
 */
export function matchPureFtpd(message: string): FtpLogin | undefined {
  if (!message.startsWith('(')) return undefined;
  const close = message.indexOf(') [');
  if (close < 0) return undefined;
  const at = message.lastIndexOf('@', close);
  if (at < 0) return undefined;
  const ip = normalizeIp(message.slice(at + 1, close));
  if (ip === undefined) return undefined;
  const levelEnd = message.indexOf('] ', close + 3);
  if (levelEnd < 0 || levelEnd - close > 12) return undefined;
  const text = message.slice(levelEnd + 2).trimEnd();
  if (text.startsWith(FAILED) && text.endsWith(']')) {
    const user = text.slice(FAILED.length, -1);
    return ftpLogin('pure-ftpd', 'failure', user, ip, 'Authentication failed');
  }
  if (text.endsWith(LOGGED_IN))
    return ftpLogin('pure-ftpd', 'success', text.slice(0, -LOGGED_IN.length), ip, undefined);
  return undefined;
}
