// FTP servers' logins in the syslog the sshd parser reads: ProFTPD's (also its own log file, of the
// same form), Pure-FTPd's and WU-FTPD's.
import type { FtpLogin } from './ftp-login.ts';
import type { FtpServer } from './ftp-programs.ts';
import { matchProftpdLogin } from './match-proftpd-login.ts';
import { matchPureFtpd } from './match-pure-ftpd.ts';
import { matchWuFtpd } from './match-wu-ftpd.ts';

export { buildFtpEvent } from './build-ftp-event.ts';
export type { FtpLogin } from './ftp-login.ts';
export { ftpServerAt, type FtpServer } from './ftp-programs.ts';
export { readBareProftpdTag } from './match-proftpd-login.ts';

/** The login an FTP server's message reports, or undefined. */
export function matchFtpLogin(server: FtpServer, message: string): FtpLogin | undefined {
  if (server === 'proftpd') return matchProftpdLogin(message);
  return server === 'pure-ftpd' ? matchPureFtpd(message) : matchWuFtpd(message);
}
