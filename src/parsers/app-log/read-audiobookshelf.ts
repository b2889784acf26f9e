import { isObject, readBoundedJson } from '../../core/index.ts';
import { isoRecordTime } from '../record-parser.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';
import { addressAfterUser } from './address-after-user.ts';

export const AUDIOBOOKSHELF_LINE_UNUSED = 'audiobookshelf-line-unused';
const AUDIOBOOKSHELF = { app: 'audiobookshelf', dataset: 'audiobookshelf.log' };

const FAILED = '[Auth] Failed login attempt for username "';
/** `" from ip ADDR (REASON)`, after the user. */
const FROM = /" from ip ([0-9A-Fa-f:.]{2,45}) \(/g;

/**
 * A line of Audiobookshelf's log (JSON: `timestamp`, `source`, `message`, `levelName`): `[Auth]
 * Failed login attempt for username "U" from ip ADDR (REASON)`, or why it is none. The client names
 * U before the address: a message with a second `" from ip ` is a forged line. The time has no zone.
 */
export function readAudiobookshelfLine(line: string): AppLoginRecord | AppForgedRecord | string {
  if (line.charCodeAt(0) !== 123 /* { */) return NOT_THIS_APP;
  const parsed = readBoundedJson(line);
  const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  if (doc === undefined || typeof doc.timestamp !== 'string' || typeof doc.message !== 'string')
    return NOT_THIS_APP;
  if (typeof doc.source !== 'string' || typeof doc.levelName !== 'string') return NOT_THIS_APP;
  const time = isoRecordTime(doc.timestamp.replace(' ', 'T'));
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  if (!doc.message.startsWith(FAILED)) return AUDIOBOOKSHELF_LINE_UNUSED;
  const found = addressAfterUser(doc.message.slice(FAILED.length), FROM);
  if (found === undefined) return AUDIOBOOKSHELF_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...AUDIOBOOKSHELF, ...found };
  const reason = found.after.endsWith(')') ? found.after.slice(0, -1) : found.after;
  return appLogin(AUDIOBOOKSHELF, time, 'failure', found.user, found.ip, reason);
}
