import type { FtpServer } from './ftp-programs.ts';

/** One login (or a connection's give-up) that an FTP server's syslog line reports. */
export interface FtpLogin {
  server: FtpServer;
  /** `ftp_login` for a login, `ftp_max_login_attempts` for a client cut off after its failures. */
  action: 'ftp_login' | 'ftp_max_login_attempts';
  outcome: 'success' | 'failure';
  user: string | undefined;
  ip: string;
  /** The server's reason for a failure (`Incorrect password`, `no such user found`, ...). */
  reason: string | undefined;
}

/** Longer than any user name an FTP server takes: a line that names one is not a login. */
const MAX_USER = 256;

/** A login to `server` as whom the client named (none when empty). */
export function ftpLogin(
  server: FtpServer,
  outcome: FtpLogin['outcome'],
  user: string,
  ip: string,
  reason: string | undefined,
): FtpLogin | undefined {
  if (user.length > MAX_USER) return undefined;
  return { server, action: 'ftp_login', outcome, user: user === '' ? undefined : user, ip, reason };
}
