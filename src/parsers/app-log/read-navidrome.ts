import { readLogfmt } from '../grafana/read-logfmt.ts';
import { isoRecordTime } from '../record-parser.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const NAVIDROME_LINE_UNUSED = 'navidrome-line-unused';
const NAVIDROME = { app: 'navidrome', dataset: 'navidrome.log' };

const LOGIN = /^HTTP: POST \S{0,2048}\/auth\/login$/;

/**
 * A line of Navidrome's log (logfmt): its request line for a login POST answered 401, `msg="HTTP:
 * POST http://HOST/auth/login" ... httpStatus=401 remoteAddr=ADDR ...`, or why it is none. Values
 * are quoted and escaped, so nothing the client sent (its User-Agent) ends one early; Navidrome
 * names no user there.
 */
export function readNavidromeLine(line: string): AppLoginRecord | string {
  if (!line.startsWith('time=')) return NOT_THIS_APP;
  const fields = readLogfmt(line);
  const stamp = fields?.get('time');
  const message = fields?.get('msg');
  if (fields === undefined || stamp === undefined || message === undefined || !fields.has('requestId'))
    return NOT_THIS_APP;
  const time = isoRecordTime(stamp);
  const ip = normalizeIp(fields.get('remoteAddr') ?? '');
  if (
    Number.isNaN(time.time) ||
    !LOGIN.test(message) ||
    fields.get('httpStatus') !== '401' ||
    ip === undefined
  )
    return NAVIDROME_LINE_UNUSED;
  return appLogin(NAVIDROME, time, 'failure', undefined, ip, 'login refused (401)');
}
