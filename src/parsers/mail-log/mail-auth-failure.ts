import type { MailServer } from './mail-programs.ts';

/** What a mail server's line says of failed logins: from where, as whom, how many. */
export interface MailAuthFailure {
  /** The server that wrote the line. */
  server: MailServer;
  /** The protocol: `smtp`, `imap`, `pop3`, `submission`, `managesieve`. */
  service: string;
  /** Failed attempts the line reports (Dovecot sums a connection's at its end). */
  attempts: number;
  user: string | undefined;
  ip: string;
  /** The client's reverse name, when the server verified one. */
  domain: string | undefined;
  port: number | undefined;
  /** The server's words, e.g. `SASL LOGIN authentication failed: authentication failure`. */
  reason: string;
  /**
   * The connection the line belongs to (sendmail's queue id), when a summary of its attempts may
   * follow lines of their own: see createMailAttemptCounter.
   */
  connection?: string | undefined;
  /** Whether the line sums attempts that lines of their own may have reported already. */
  summary?: boolean;
}

/** One refused login a line reports, with no reverse name kept (a name whoever holds the address writes). */
export function oneAttempt(
  server: MailServer,
  service: string,
  user: string | undefined,
  ip: string,
  reason: string,
  port?: number,
): MailAuthFailure {
  return {
    server,
    service,
    attempts: 1,
    user: user === '' ? undefined : user,
    ip,
    domain: undefined,
    port,
    reason,
  };
}
