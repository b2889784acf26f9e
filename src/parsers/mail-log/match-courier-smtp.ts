import { normalizeIp } from '../sshd/parse-address.ts';
import { type MailAuthFailure, oneAttempt } from './mail-auth-failure.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * Courier's SMTP server's error line: `error,relay=ADDR,[port=P,]` (an IPv4 client as
 * `::ffff:A.B.C.D`; newer versions write the port).
 */
const HEAD = /^error,relay=([0-9A-Fa-f:.]{2,45}),(?:port=(\d{1,5}),)?/;
const AUTH_FAILED = 'msg="535 Authentication failed.",';
/** `from=<S>,to=<R>: 550 User unknown.` (`550 User <U> unknown`), `513 Relaying denied.`: the answer ends the line. */
const RECIPIENT =
  /,to=<([^>]{0,320})>: (?:(550) User (?:<[^>]{0,320}> )?unknown\.?|(513) Relaying denied\.?)$/;

/** The client's address, an IPv4-mapped one read as IPv4. */
function clientOf(message: string): { ip: string; port: number | undefined; rest: string } | undefined {
  const head = HEAD.exec(message);
  if (head === null) return undefined;
  const written = head[1] as string;
  const ip = normalizeIp(written.toLowerCase().startsWith('::ffff:') ? written.slice(7) : written);
  const port = head[2] === undefined ? undefined : Number(head[2]);
  return ip === undefined ? undefined : { ip, port, rest: message.slice(head[0].length) };
}

/**
 * Courier's SMTP server (`courieresmtpd`) refusing an SMTP AUTH login: `error,relay=ADDR,msg="535
 * Authentication failed.",cmd: ...` (the command's argument, which may be the client's encoded
 * credentials, is not kept). Undefined for any other message.
 */
export function matchCourierSmtpAuth(message: string): MailAuthFailure | undefined {
  const client = clientOf(message);
  if (client === undefined || !client.rest.startsWith(AUTH_FAILED)) return undefined;
  return oneAttempt('courier', 'smtp', undefined, client.ip, '535 Authentication failed', client.port);
}

/**
 * Courier's SMTP server refusing a recipient: `error,relay=ADDR,from=<S>,to=<R>: 550 User unknown.`
 * (a harvest) or `513 Relaying denied.` (an open-relay probe). The address comes first, before
 * anything the client sent; the answer is read from the line's end. Undefined for any other message.
 */
export function matchCourierSmtpReject(message: string): SmtpRefusal | undefined {
  const client = clientOf(message);
  if (client === undefined) return undefined;
  const recipient = RECIPIENT.exec(client.rest);
  if (recipient === null) return undefined;
  const relay = recipient[3] !== undefined;
  return {
    server: 'courier',
    kind: relay ? 'relay' : 'unknown-recipient',
    ip: client.ip,
    domain: undefined,
    command: 'RCPT',
    recipient: recipient[1] === '' ? undefined : recipient[1],
    reason: relay ? 'Relaying denied' : 'User unknown',
  };
}
