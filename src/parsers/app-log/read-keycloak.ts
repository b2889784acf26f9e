import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const KEYCLOAK_LINE_UNUSED = 'keycloak-line-unused';
const KEYCLOAK = { app: 'keycloak', dataset: 'keycloak.events' };

/** `2023-05-25 22:24:19,357 WARN  [org.keycloak.events] (executor-thread-1) ` (also `org.key.events`). */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[,.](\d{1,9}))? +[A-Z]{4,5} +\[org\.key(?:cloak)?\.events\] \([^)]{0,128}\) /;
/** The errors of a LOGIN_ERROR that say a password or an account was tried. */
const GUESSES = new Set([
  'user_not_found',
  'invalid_user_credentials',
  'user_temporarily_disabled',
  'user_disabled',
]);

/**
 * A line of Keycloak's event log (`spi-events-listener-jboss-logging`): `type=LOGIN_ERROR, realmId=R,
 * clientId=C, userId=ID, ipAddress=ADDR, error=E, ..., username=U, ...` (newer versions quote each
 * value), a failed login when E says a password or an account was tried; `type=LOGIN` a login. The
 * time has no zone. Keycloak writes the address before the details the client sent (the user among
 * them): a line naming a second `ipAddress=` is a forged line.
 */
export function readKeycloakLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const rest = line.slice(head[0].length);
  const type = valueOf(rest, 'type', 0);
  if (type !== 'LOGIN_ERROR' && type !== 'LOGIN') return KEYCLOAK_LINE_UNUSED;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const addresses = [...rest.matchAll(/(?:^|, )ipAddress="?([0-9A-Fa-f:.]{2,45})"?(?=,|$)/g)].flatMap(
    (match) => normalizeIp(match[1] as string) ?? [],
  );
  if (addresses.length > 1) return { ...time, ...KEYCLOAK, forged: addresses };
  const ip = addresses[0];
  const error = valueOf(rest, 'error', 0);
  if (ip === undefined || (type === 'LOGIN_ERROR' && (error === undefined || !GUESSES.has(error))))
    return KEYCLOAK_LINE_UNUSED;
  const user = valueOf(rest, 'username', rest.indexOf('ipAddress='));
  return appLogin(KEYCLOAK, time, type === 'LOGIN' ? 'success' : 'failure', user, ip, error ?? 'login');
}

/** `KEY=VALUE, ` (or `KEY="VALUE", `) pairs: one pattern for each key read. */
const PAIRS = new Map(
  ['type', 'error', 'username'].map((key) => [
    key,
    new RegExp(`(?:^|, )${key}=("(?:[^"\\\\]|\\\\.){0,512}"|[^,]{0,512})(?=,|$)`),
  ]),
);

/** The value of `key` (type, error or username) in the pairs, the first from `from` on. */
function valueOf(text: string, key: string, from: number): string | undefined {
  const found = (PAIRS.get(key) as RegExp).exec(text.slice(from));
  if (found === null) return undefined;
  const value = found[1] as string;
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}
