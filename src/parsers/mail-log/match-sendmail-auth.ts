import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';

/** The queue id sendmail writes before each message: letters and digits, 14 to 20 of them. */
const QUEUE_ID = /^[A-Za-z0-9]{14,20}: /;
const AUTH_FAILURE = /^AUTH failure \(([A-Za-z0-9_-]{1,20})\): /;
const USER = ', user=';
const RELAY = ', relay=';
const FORGED = ' (may be forged)';

const ATTACK =
  /^(?:\S{1,255} )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?: \(may be forged\))?: possible SMTP attack: command=AUTH, count=(\d{1,6})$/;
/** More attempts than this in one summary are counted as this many. */
const MOST_ATTEMPTS = 100;

/**
 * sendmail's failed SMTP AUTH. With LogLevel above 9 (or AUTH_FAIL_LOG_USER, 8.16 on) each is a line:
 * `QUEUEID: AUTH failure (MECH): REASON, user=U, relay=[NAME ][ADDR][ (may be forged)]`, one attempt.
 * The client writes U and may put `, relay=[...]` in it: the address is the line's last bracket pair,
 * in the relay field sendmail writes last, and U runs up to that field. At the default LogLevel only
 * `QUEUEID: [NAME ][ADDR]: possible SMTP attack: command=AUTH, count=N` tells of them, once a
 * connection has tried AUTH N times: N attempts, less those of the connection that had lines of their
 * own (see createMailAttemptCounter). Undefined for any other message.
 */
export function matchSendmailAuth(message: string): MailAuthFailure | undefined {
  const id = QUEUE_ID.exec(message);
  const text = id === null ? message : message.slice(id[0].length);
  const connection = id === null ? undefined : id[0].slice(0, -2);
  const attack = ATTACK.exec(text);
  if (attack !== null) return summaryOf(attack, connection);
  const auth = AUTH_FAILURE.exec(text);
  if (auth === null) return undefined;
  let end = text.length;
  if (text.endsWith(FORGED)) end -= FORGED.length;
  if (text.charCodeAt(end - 1) !== 93 /* ] */) return undefined;
  const open = text.lastIndexOf('[', end);
  const relay = text.lastIndexOf(RELAY, open);
  if (open < 0 || relay < auth[0].length) return undefined;
  const inside = text.slice(open + 1, end - 1);
  const ip = normalizeIp(inside.startsWith('IPv6:') ? inside.slice(5) : inside);
  if (ip === undefined) return undefined;
  const userAt = text.indexOf(USER, auth[0].length);
  const user = userAt >= 0 && userAt < relay ? text.slice(userAt + USER.length, relay) : undefined;
  const reasonEnd = userAt >= 0 && userAt < relay ? userAt : relay;
  return {
    server: 'sendmail',
    service: 'smtp',
    attempts: 1,
    user: user === '' ? undefined : user,
    ip,
    domain: undefined,
    port: undefined,
    reason: `AUTH failure (${auth[1]}): ${text.slice(auth[0].length, reasonEnd)}`,
    connection,
  };
}

function summaryOf(attack: RegExpExecArray, connection: string | undefined): MailAuthFailure | undefined {
  const ip = normalizeIp(attack[1] as string);
  const count = Math.min(Number(attack[2]), MOST_ATTEMPTS);
  if (ip === undefined || count === 0) return undefined;
  return {
    server: 'sendmail',
    service: 'smtp',
    attempts: count,
    user: undefined,
    ip,
    domain: undefined,
    port: undefined,
    reason: `possible SMTP attack: command=AUTH, count=${attack[2]}`,
    connection,
    summary: true,
  };
}
