import { isObject, readBoundedJson } from '../../core/index.ts';
import { readLogfmt } from '../grafana/read-logfmt.ts';
import { isoRecordTime } from '../record-parser.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const AUTHELIA_LINE_UNUSED = 'authelia-line-unused';
const AUTHELIA = { app: 'authelia', dataset: 'authelia.log' };

/**
 * Authelia's messages of an attempt: a first factor (the password) or a second (TOTP, Duo, WebAuthn,
 * U2F) refused, 4.38's refusal of a user it does not know, and a first factor accepted.
 */
const UNSUCCESSFUL = /^Unsuccessful (1FA|TOTP|Duo|WebAuthn|U2F|Mobile Push) authentication attempt by user '/;
const UNKNOWN_USER = /^Error occurred getting details for user with username input '/;
const SUCCESSFUL = /^Successful 1FA authentication attempt made by user '/;

/**
 * A line of Authelia's log (logfmt, `time=... level=error msg="..." remote_ip=ADDR`, or the same as
 * JSON): a login it refused or the first factor it accepted, or why it is none. The user is the
 * client's, in quotes in `msg`: it runs to the last quote there. `remote_ip` is the one Authelia
 * took from its trusted proxy's headers.
 */
export function readAutheliaLine(line: string): AppLoginRecord | string {
  const fields = line.charCodeAt(0) === 123 /* { */ ? jsonFields(line) : logfmtFields(line);
  if (fields === undefined) return NOT_THIS_APP;
  const { time, msg, remote } = fields;
  const read = isoRecordTime(time);
  if (Number.isNaN(read.time)) return NOT_THIS_APP;
  const kind = UNSUCCESSFUL.exec(msg) ?? UNKNOWN_USER.exec(msg) ?? SUCCESSFUL.exec(msg);
  const ip = normalizeIp(remote);
  const close = msg.lastIndexOf("'");
  if (kind === null || ip === undefined || close < kind[0].length) return AUTHELIA_LINE_UNUSED;
  const user = msg.slice(kind[0].length, close);
  const factor = kind[1] ?? (msg.startsWith('Error') ? '1FA' : undefined);
  return factor === undefined
    ? appLogin(AUTHELIA, read, 'success', user, ip, '1FA accepted')
    : appLogin(AUTHELIA, read, 'failure', user, ip, `${factor} refused`);
}

interface AutheliaFields {
  time: string;
  msg: string;
  remote: string;
}

function logfmtFields(line: string): AutheliaFields | undefined {
  if (!line.startsWith('time=')) return undefined;
  const fields = readLogfmt(line);
  const time = fields?.get('time');
  const msg = fields?.get('msg');
  const remote = fields?.get('remote_ip');
  return time === undefined || msg === undefined || remote === undefined ? undefined : { time, msg, remote };
}

function jsonFields(line: string): AutheliaFields | undefined {
  const parsed = readBoundedJson(line);
  const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  if (doc === undefined || typeof doc.time !== 'string' || typeof doc.msg !== 'string') return undefined;
  return typeof doc.remote_ip === 'string'
    ? { time: doc.time, msg: doc.msg, remote: doc.remote_ip }
    : undefined;
}
