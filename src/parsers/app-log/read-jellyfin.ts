import { isoRecordTime } from '../record-parser.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, withoutQuotes } from './app-login-record.ts';

export const JELLYFIN_LINE_UNUSED = 'jellyfin-line-unused';
const JELLYFIN = { app: 'jellyfin', dataset: 'jellyfin.log' };

/** `[2023-02-12 12:16:05.729 +01:00] [INF] [79] ` (the thread left out by some versions' console). */
const HEAD =
  /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?) ?([+-]\d{2}:\d{2}|Z)?\] \[[A-Z]{3}\] (?:\[\d{1,10}\] )?/;
const LOGGER = 'Jellyfin.Server.Implementations.Users.UserManager: ';
const LOGIN = 'Authentication request for ';
const DENIED = ' has been denied (IP: ';
/** The address, and 10.9's `. Reason: ...` after it. */
const ADDRESS = /^"?([0-9A-Fa-f:.]{2,45})"?\)\.?(?: Reason: [^"()]{0,256})?\s*$/;

/**
 * A line of Jellyfin's log: `Authentication request for "U" has been denied (IP: "ADDR").` (older
 * versions without the quotes, newer ones with `Reason: ...` after it), or why it is none. The
 * client names U before the address, which only Jellyfin's reason follows: it is the last
 * ` has been denied (IP: `.
 */
export function readJellyfinLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const time = isoRecordTime(`${head[1]}T${head[2]}${head[3] ?? ''}`);
  const after = line.slice(head[0].length);
  const rest = after.startsWith(LOGGER) ? after.slice(LOGGER.length) : after;
  const denied = rest.lastIndexOf(DENIED);
  if (Number.isNaN(time.time) || !rest.startsWith(LOGIN) || denied < LOGIN.length)
    return JELLYFIN_LINE_UNUSED;
  const address = ADDRESS.exec(rest.slice(denied + DENIED.length));
  const ip = address === null ? undefined : normalizeIp(address[1] as string);
  if (ip === undefined) return JELLYFIN_LINE_UNUSED;
  const user = withoutQuotes(rest.slice(LOGIN.length, denied), '"');
  return appLogin(JELLYFIN, time, 'failure', user, ip, 'Authentication request denied');
}
