import { isoRecordTime } from '../record-parser.ts';
import type { RecordTime } from '../record-parser.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';
import { clientBehindProxies } from './client-behind-proxies.ts';

export const GUACAMOLE_LINE_UNUSED = 'guacamole-line-unused';
const GUACAMOLE = { app: 'guacamole', dataset: 'guacamole.log' };

/**
 * `2023-04-06T09:13:34,820Z [http-nio-8080-exec-5] WARN  o.a.g.r.auth.AuthenticationService - `,
 * after `docker compose logs`' `NAME | ` where the log was taken from it.
 */
const HEAD =
  /^(?:[\w.-]{1,64} +\| )?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:[,.](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})? \[[^\]]{1,128}\] [A-Z]{4,5} {1,2}o\.a\.g\.r\.auth\.AuthenticationService - /;
/**
 * Guacamole's default pattern (`%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg`): a clock
 * without a date, which only a syslog header's time can place (see readGuacamoleMessage).
 */
const CLOCK_HEAD =
  /^\d{2}:\d{2}:\d{2}(?:[,.]\d{1,9})? \[[^\]]{1,128}\] [A-Z]{4,5} {1,2}o\.a\.g\.r\.auth\.AuthenticationService - /;
const FAILED = 'Authentication attempt from ';
const SUCCEEDED = /^User "(.*)" successfully authenticated from (\[[^\]]{1,512}\]|\S{1,64})\.$/;
const FOR_USER = ' for user "';

/**
 * A line of Guacamole's log (its web application's `AuthenticationService`): `Authentication attempt
 * from ADDR for user "U" failed.`, or why it is none; a login, `User "U" successfully authenticated
 * from ADDR.`. Behind a proxy ADDR is `[X-Forwarded-For, PEER]`, read as clientBehindProxies reads
 * it. The header comes before the peer and the user after it, both the client's: a line with a
 * second `] for user "` is a forged line.
 */
export function readGuacamoleLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const time = isoRecordTime(
    `${(head[1] as string).replace(' ', 'T')}.${(head[2] ?? '0').slice(0, 3)}${head[3] ?? ''}`,
  );
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  return readMessage(line.slice(head[0].length), time);
}

/**
 * A Guacamole line in its default pattern, with a clock and no date (see CLOCK_HEAD), as syslog
 * hands it on (Tomcat's journal, Docker's syslog driver): the record's own time is NaN, the
 * header's is the event's.
 */
export function readGuacamoleClockLine(message: string): AppLoginRecord | AppForgedRecord | string {
  const head = CLOCK_HEAD.exec(message);
  if (head === null) return NOT_THIS_APP;
  return readMessage(message.slice(head[0].length), { time: Number.NaN, zoned: true });
}

function readMessage(rest: string, time: RecordTime): AppLoginRecord | AppForgedRecord | string {
  const success = SUCCEEDED.exec(rest);
  if (success !== null) {
    const ip = clientOf(success[2] as string);
    return ip === undefined
      ? GUACAMOLE_LINE_UNUSED
      : appLogin(GUACAMOLE, time, 'success', success[1], ip, 'login');
  }
  if (!rest.startsWith(FAILED) || !rest.endsWith('" failed.')) return GUACAMOLE_LINE_UNUSED;
  const body = rest.slice(FAILED.length, -'" failed.'.length);
  const bracketed = body.startsWith('[');
  const close = bracketed ? body.indexOf(`]${FOR_USER}`) : body.indexOf(FOR_USER);
  if (close === -1) return GUACAMOLE_LINE_UNUSED;
  if (bracketed && body.indexOf(`]${FOR_USER}`, close + 1) !== -1) {
    const forged = body.split(/[[\], ]+/).flatMap((word) => clientOf(word) ?? []);
    return { ...time, ...GUACAMOLE, forged: [...new Set(forged)] };
  }
  const ip = clientOf(body.slice(0, bracketed ? close + 1 : close));
  const user = body.slice(close + (bracketed ? 1 : 0) + FOR_USER.length);
  if (ip === undefined) return GUACAMOLE_LINE_UNUSED;
  return appLogin(GUACAMOLE, time, 'failure', user, ip, 'Authentication attempt failed');
}

/** `ADDR` or `[X-Forwarded-For, PEER]`: the client (see clientBehindProxies). */
function clientOf(text: string): string | undefined {
  return text.startsWith('[') && text.endsWith(']')
    ? clientBehindProxies(text.slice(1, -1).split(','))
    : clientBehindProxies([text]);
}
