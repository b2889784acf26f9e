import { isObject, readBoundedJson } from '../../core/index.ts';
import { isoRecordTime } from '../record-parser.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP } from './app-login-record.ts';

export const AUTHENTIK_LINE_UNUSED = 'authentik-line-unused';
const AUTHENTIK = { app: 'authentik', dataset: 'authentik.events' };

/**
 * A line of authentik's log (structlog JSON: `event`, `logger`, `timestamp`, `client_ip`, ...): a
 * login its flows refused or let through, or why it is none.
 * - `action: login_failed` (the event it records, `Created Event`): a wrong password for the user
 *   the client typed, `context.username`;
 * - `action: invalid_identifier` (`invalid_login`): a user the identification stage does not know,
 *   typed as `identifier`;
 * - `action: login`: a login, by `user.username`.
 * `client_ip` is the one authentik took from its trusted proxies' headers. The timestamp has no
 * zone: authentik writes UTC, read in the zone given, as CrowdSec's parser reads it.
 */
export function readAuthentikLine(line: string): AppLoginRecord | string {
  if (line.charCodeAt(0) !== 123 /* { */) return NOT_THIS_APP;
  const parsed = readBoundedJson(line);
  const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  if (doc === undefined || typeof doc.logger !== 'string' || !doc.logger.startsWith('authentik.'))
    return NOT_THIS_APP;
  if (typeof doc.timestamp !== 'string' || typeof doc.event !== 'string') return NOT_THIS_APP;
  const time = isoRecordTime(doc.timestamp);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const ip = typeof doc.client_ip === 'string' ? normalizeIp(doc.client_ip) : undefined;
  if (ip === undefined) return AUTHENTIK_LINE_UNUSED;
  switch (doc.action) {
    case 'login_failed':
      return appLogin(AUTHENTIK, time, 'failure', textAt(doc.context, 'username'), ip, 'wrong password');
    case 'invalid_identifier':
      return appLogin(AUTHENTIK, time, 'failure', textAt(doc, 'identifier'), ip, 'unknown user');
    case 'login':
      return appLogin(AUTHENTIK, time, 'success', textAt(doc.user, 'username'), ip, 'login');
    default:
      return AUTHENTIK_LINE_UNUSED;
  }
}

/** `holder[key]` when `holder` is an object and it a string. */
function textAt(holder: unknown, key: string): string | undefined {
  if (!isObject(holder)) return undefined;
  const value = holder[key];
  return typeof value === 'string' ? value : undefined;
}
