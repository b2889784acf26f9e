import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';

/** Summed attempts (`: N Time(s)`) beyond this many are counted as this many. */
const MOST_ATTEMPTS = 100;

/**
 * Exim's refused SMTP AUTH, from smtp_in.c: `NAME authenticator failed for HOST: 535 Incorrect
 * authentication data[ (set_id=U)]`. HOST is Exim's host-and-ident text: `H=` (4.93 on), the
 * verified reverse name, the HELO name in parentheses, `[ADDR]`, `:PORT` and ` I=[ADDR]:PORT` (log
 * selectors), ` U=IDENT`. Exim refuses a HELO name with spaces or parentheses unless configured to
 * accept junk, so nothing the client wrote before the address can end the HELO early; the user
 * (set_id) comes after the response and is read up to the line's last `)`. Summaries of such lines
 * end in `: N Time(s)` instead.
 */
const AUTH_FAILED =
  /^([A-Za-z0-9_.-]{1,64}) authenticator failed for (?:H=)?(?:([A-Za-z0-9_.-]{1,255}) )?(?:\([^\s()]{0,255}\) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?::(\d{1,5}))?(?: I=\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?)?(?: U=[^\s:]{1,255})?: 535 Incorrect authentication data(?: \(set_id=(.{0,512})\)|: (\d{1,6}) Time\(s\))?$/;

/**
 * A failed SMTP AUTH in Exim's log message (after its time and process id), or undefined for any
 * other message. 535 is Exim's answer to a wrong password; 435 (the authentication server gone)
 * and 501 (bad base64) tried none, nor did `AUTH command used when not advertised`.
 */
export function matchEximAuth(message: string): MailAuthFailure | undefined {
  const found = AUTH_FAILED.exec(message);
  if (found === null) return undefined;
  const ip = normalizeIp(found[3] as string);
  if (ip === undefined) return undefined;
  const attempts = found[6] === undefined ? 1 : Math.min(Number(found[6]), MOST_ATTEMPTS);
  if (attempts === 0) return undefined;
  const user = found[5];
  return {
    server: 'exim',
    service: 'smtp',
    attempts,
    user: user === undefined || user === '' ? undefined : user,
    ip,
    domain: found[2],
    port: found[4] === undefined ? undefined : Number(found[4]),
    reason: `${found[1]} authenticator failed: 535 Incorrect authentication data`,
  };
}
