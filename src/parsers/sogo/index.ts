import type { SecurityEvent } from '../../core/index.ts';
import { clientBehindProxies } from '../app-log/client-behind-proxies.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';

/** A login SOGo (the groupware's web front end) reports. */
export interface SogoLogin {
  outcome: 'failure' | 'success';
  user: string | undefined;
  ip: string;
  reason: string;
}

const SOGO = { app: 'sogo', dataset: 'sogo.log' };

/** A line of SOGo's that reports no login. */
export const SOGO_LINE_UNUSED = 'sogo-line-unused';

/**
 * `SOGoRootPage Login from 'ADDR' for user 'U' might not have worked - password policy: ...` (a
 * refused password) and `SOGoRootPage successful login from 'ADDR' for user 'U' - expire = ...`.
 * ADDR is what the proxy in front handed on, `CLIENT, PROXY` behind more than one. The user comes
 * after the address, so whatever it holds cannot move it.
 */
const LOGIN =
  /^SOGoRootPage (Login|successful login) from '([^']{1,512})' for user '(.{0,512})'( might not have worked| - expire)/;
/** A refusal for the password policy alone: the password was right (`bound: 1`). */
const BOUND = / bound: 1\s*$/;

/** The login a SOGo message reports, or SOGO_LINE_UNUSED. */
export function matchSogoLogin(message: string): SogoLogin | string {
  const found = LOGIN.exec(message);
  if (found === null) return SOGO_LINE_UNUSED;
  const failed = found[4] === ' might not have worked';
  if (failed !== (found[1] === 'Login') || (failed && BOUND.test(message))) return SOGO_LINE_UNUSED;
  const ip = clientBehindProxies((found[2] as string).split(','));
  if (ip === undefined) return SOGO_LINE_UNUSED;
  const user = found[3] === '' ? undefined : found[3];
  return failed
    ? { outcome: 'failure', user, ip, reason: 'login might not have worked' }
    : { outcome: 'success', user, ip, reason: 'successful login' };
}

/** SOGo's login as an application's login event (`service.name: sogo`, see buildAppLoginEvent). */
export function mapSogoLogin(line: string, found: SogoLogin, time: number, host?: string): SecurityEvent {
  return buildAppLoginEvent(line, { ...SOGO, ...found }, time, host);
}

/** Whether the syslog program name from `start` to `end` of `text` is SOGo's daemon (no string made). */
export function isSogoAt(text: string, start: number, end: number): boolean {
  return end - start === 5 && text.startsWith('sogod', start);
}

const OWN_TAG = /^\[(\d{1,10})\]: /;

/**
 * SOGo's own log (`/var/log/sogo/sogo.log`) writes `Mar 24 08:58:32 sogod [PID]: MESSAGE`: read as
 * syslog, `sogod` is the host and the message starts with `[PID]: `. Its pid and message, or undefined.
 */
export function readSogoOwnLine(
  hostname: string | undefined,
  message: string,
): { pid: number; rest: string } | undefined {
  if (hostname !== 'sogod') return undefined;
  const tag = OWN_TAG.exec(message);
  return tag === null ? undefined : { pid: Number(tag[1]), rest: message.slice(tag[0].length) };
}
