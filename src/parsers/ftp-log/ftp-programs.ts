/** The FTP servers whose logins Klaxon reads from syslog (`event.module`); vsftpd's own log has a parser of its own. */
export type FtpServer = 'proftpd' | 'pure-ftpd' | 'wu-ftpd';

const SERVERS: readonly FtpServer[] = ['proftpd', 'pure-ftpd', 'wu-ftpd'];

/** The FTP server whose syslog program name `text` holds from `start` to `end`, or undefined; no string is made. */
export function ftpServerAt(text: string, start: number, end: number): FtpServer | undefined {
  for (const server of SERVERS)
    if (end - start === server.length && text.startsWith(server, start)) return server;
  return undefined;
}
