import type { SecurityEvent } from '../../core/index.ts';
import { fillPath } from './fill-field.ts';
import { normalizeSourceIp } from './source-address.ts';

/**
 * SQL Server failed logins in the Application log: 18456 (error log message, event data
 * param1 = login, param2 = " Reason: …", param3 = " [CLIENT: 10.0.0.5]") and 33205 (SQL Server
 * Audit record, param1 = `key:value` lines; a failed login is `action_id:LGIF`, `succeeded:false`).
 * The rendered message is "Login failed for user 'sa'. Reason: … [CLIENT: 10.0.0.5]".
 * https://learn.microsoft.com/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error
 */
const MSSQL_PROVIDER = /^MSSQL(SERVER|\$.+)$/i;
const LOGIN_FAILED = "Login failed for user '";
const LOGIN_END = "'.";
const REASON = ' Reason: ';
const CLIENT = '[CLIENT:';
const CLIENT_VALUE = /^\[CLIENT:\s*([^\]\s]+)\s*\]/;
const STATE = /<state>(\d+)<\/state>/;
const MAX_TEXT = 4096;

/** The provider last asked about and the answer: the events of one log mostly share theirs (asked twice each). */
let lastProvider: unknown;
let lastIsMssql = false;

export function isMssqlProvider(provider: unknown): boolean {
  if (provider !== lastProvider) {
    lastIsMssql = typeof provider === 'string' && MSSQL_PROVIDER.test(provider);
    lastProvider = provider;
  }
  return lastIsMssql;
}

/** The fields of a failed login, or undefined when the record is not one (a 33205 audit of something else). */
export interface MssqlLogin {
  user?: string;
  ip?: string;
  reason?: string;
}

export function readMssqlLogin(
  code: string,
  data: Record<string, unknown>,
  message: unknown,
): MssqlLogin | undefined {
  const texts = Object.values(data).filter((value): value is string => typeof value === 'string');
  if (typeof message === 'string') texts.unshift(message);
  const text = texts.join('\n').slice(0, MAX_TEXT * 4);
  if (code === '33205') return readAudit(text);
  if (code !== '18456') return undefined;
  const user = firstParam(data) ?? loginNamed(text);
  return { user: nonEmpty(user), ip: clientIp(text), reason: reasonOf(text) };
}

/**
 * SQL Server's 18456 message, as its error log writes it: `Login failed for user 'U'. Reason: R
 * [CLIENT: ADDR]` (older servers: no reason). The client names U, unescaped, and may put `'.`,
 * ` Reason: ` or `[CLIENT: ...]` in it; the server writes the reason and the client after U: the
 * client is the text's last `[CLIENT: ...]`, the reason its last ` Reason: `, and U runs up to the
 * last `'.` before them. Undefined when the text is no such message.
 */
export function readLoginFailedMessage(text: string): MssqlLogin | undefined {
  if (!text.includes(LOGIN_FAILED)) return undefined;
  return { user: nonEmpty(loginNamed(text)), ip: clientIp(text), reason: reasonOf(text) };
}

function loginNamed(text: string): string | undefined {
  const start = text.indexOf(LOGIN_FAILED);
  if (start === -1) return undefined;
  const reason = text.lastIndexOf(REASON);
  const client = text.lastIndexOf(CLIENT);
  const before = reason > start ? reason : client > start ? client : text.length;
  const end = text.lastIndexOf(LOGIN_END, before);
  return end < start + LOGIN_FAILED.length ? undefined : text.slice(start + LOGIN_FAILED.length, end);
}

function readAudit(text: string): MssqlLogin | undefined {
  if (!/^action_id:LGIF\s*$/m.test(text) || !/^succeeded:false\s*$/m.test(text)) return undefined;
  const user = /^server_principal_name:(.*)$/m.exec(text)?.[1]?.trim() ?? loginNamed(text);
  const address = /^client_ip:(.*)$/m.exec(text)?.[1] ?? /<address>([^<]*)<\/address>/.exec(text)?.[1];
  const ip = normalizeSourceIp(address?.trim()) ?? clientIp(text);
  const state = STATE.exec(text)?.[1];
  const reason = reasonOf(text) ?? (state !== undefined ? describeState(state) : undefined);
  return { user: nonEmpty(user), ip, reason };
}

function firstParam(data: Record<string, unknown>): string | undefined {
  const value = data.param1;
  return typeof value === 'string' ? value.trim() : undefined;
}

function clientIp(text: string): string | undefined {
  const at = text.lastIndexOf(CLIENT);
  const client = at === -1 ? undefined : CLIENT_VALUE.exec(text.slice(at, at + 64))?.[1];
  return client === undefined ? undefined : normalizeSourceIp(client);
}

function reasonOf(text: string): string | undefined {
  const at = text.lastIndexOf(REASON);
  if (at === -1) return undefined;
  const client = text.indexOf(CLIENT, at);
  const reason = text
    .slice(at + REASON.length, client === -1 ? undefined : client)
    .trim()
    .replace(/\.$/, '');
  return reason === '' ? undefined : (shortReason(reason) ?? reason.slice(0, 200));
}

// The reason texts SQL Server writes per error state, in a few words.
const REASONS: readonly [RegExp, string][] = [
  [/password did not match/i, 'wrong password'],
  [/could not find a login matching/i, 'unknown login'],
  [/configured for Windows authentication only/i, 'SQL logins refused (Windows authentication only)'],
  [/login is disabled/i, 'login disabled'],
  [/password (of the account )?has expired|must be changed/i, 'password expired or must be changed'],
  [/failed to open the (explicitly specified|database)/i, 'cannot open the requested database'],
  [/account is locked/i, 'account locked out'],
];

function shortReason(text: string): string | undefined {
  return REASONS.find(([pattern]) => pattern.test(text))?.[1];
}

const STATES = new Map([
  ['2', 'unknown login'],
  ['5', 'unknown login'],
  ['7', 'login disabled'],
  ['8', 'wrong password'],
  ['9', 'invalid password'],
  ['18', 'password must be changed'],
  ['38', 'cannot open the requested database'],
  ['58', 'SQL logins refused (Windows authentication only)'],
]);

function describeState(state: string): string {
  return STATES.get(state) ?? `login failed (state ${state})`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** Fills user.name, source.ip and event.reason of a failed SQL Server login. */
export function mapMssqlLogin(event: SecurityEvent, login: MssqlLogin): void {
  fillPath(event, ['user', 'name'], login.user);
  fillPath(event, ['source', 'ip'], login.ip);
  fillPath(event, ['event', 'reason'], login.reason);
}
