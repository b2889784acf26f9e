import type { MailAuthFailure } from './mail-auth-failure.ts';

/** A summary line whose attempts the connection's own lines reported already. */
export const MAIL_ATTEMPTS_REPORTED = 'mail-attempts-reported';

/** Connections remembered at most: the oldest is forgotten first. */
const MOST_CONNECTIONS = 4096;

/**
 * How many failed logins each mail line stands for, within one input: its own count, except that a
 * line summing a connection's attempts (sendmail's `possible SMTP attack`) counts only those the
 * connection's own lines did not report already. One attempt is one failure, however many lines
 * tell of it.
 */
export function createMailAttemptCounter(): (failure: MailAuthFailure) => number {
  const reported = new Map<string, number>();
  return (failure) => {
    const connection = failure.connection;
    if (connection === undefined) return failure.attempts;
    const before = reported.get(connection) ?? 0;
    reported.delete(connection);
    if (failure.summary === true) return Math.max(0, failure.attempts - before);
    reported.set(connection, before + failure.attempts);
    if (reported.size > MOST_CONNECTIONS) reported.delete(reported.keys().next().value as string);
    return failure.attempts;
  };
}
