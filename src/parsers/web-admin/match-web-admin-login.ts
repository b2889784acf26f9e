import { normalizeIp } from '../sshd/parse-address.ts';

/** The web administration tools whose syslog lines report their logins. */
export type WebAdminApp = 'webmin' | 'usermin' | 'phpmyadmin' | 'proxmox' | 'monit' | 'froxlor';

/** A login to a web administration tool, as its syslog line reports it. */
export interface WebAdminLogin {
  app: WebAdminApp;
  outcome: 'failure' | 'success';
  user: string | undefined;
  /** Undefined for a Proxmox success, whose line names no client. */
  ip: string | undefined;
  /** The tool's words, e.g. `Invalid login` or `mysql-denied`. */
  reason: string;
}

/**
 * Webmin's and Usermin's miniserv: `Invalid login as U from ADDR` (a wrong password),
 * `Non-existent login as U from ADDR`, `Successful login as U from ADDR`. The client names U
 * and the address ends the line: it is the last ` from `, whatever U holds.
 */
const MINISERV = /^(Invalid|Non-existent|Successful) login as (.{0,512}) from ([0-9A-Fa-f:.]{2,45})\s*$/;
/**
 * phpMyAdmin's `AuthLog` in syslog: `user denied: U (REASON) from ADDR`, `user accepted: U from
 * ADDR`. REASON is phpMyAdmin's word; a session that expired (`no-activity`) tried no password.
 */
const PHPMYADMIN =
  /^user (?:(denied): (.{0,512}) \((mysql-denied|empty-denied|root-denied|allow-denied)\)|(accepted): (.{0,512})) from ([0-9A-Fa-f:.]{2,45})\s*$/;

/**
 * Proxmox VE's (and its Backup Server's and Mail Gateway's) API daemons: `authentication failure;
 * rhost=ADDR user=U@REALM msg=REASON` (ADDR also `::ffff:a.b.c.d` or `[ADDR]:PORT`; REASON e.g.
 * `no such user ('U@REALM')`) and `<U@REALM> successful auth for user 'U@REALM'`. The address comes
 * before what the client wrote; the user runs to the first ` msg=` after it.
 */
const PROXMOX_FAILED = /^authentication failure; rhost=(\S{2,64}) user=(.{0,512}?) msg=(.{0,512})$/;
const PROXMOX_SUCCESS = /^<[^>\s]{1,512}> successful auth for user '(.{1,512})'$/;

/**
 * Monit's web interface: `HttpRequest: access denied -- client ADDR: wrong password for user 'U'`
 * (also `unknown user 'U'` and `empty password`; ADDR bracketed in some versions), and before 5.x
 * `Warning: Client 'ADDR' supplied wrong password for user 'U' accessing monit httpd` (or `unknown
 * user 'U'`). Its own log puts `error    : ` before either. A request without credentials
 * (`empty username`, `unknown user ''`, a missing Authorization header) tried no password. The
 * address comes before what the client wrote.
 */
const MONIT =
  /^(?:error\s{0,8}:\s{1,8})?(?:HttpRequest: access denied -- client \[?([0-9A-Fa-f:.]{2,45})\]?: (wrong password for user|unknown user|empty password)(?: '(.{1,512})')?|Warning: Client '([0-9A-Fa-f:.]{2,45})' supplied (wrong password for user|unknown user) '(.{1,512})' accessing monit httpd)\s*$/;

/**
 * Froxlor's (a hosting control panel) `[Login Action ADDR] Unknown user 'U' tried to login.` and
 * `User 'U' tried to login with wrong password.`. The address comes before what the client wrote.
 */
const FROXLOR =
  /^\[Login Action ([0-9A-Fa-f:.]{2,45})\] (?:(Unknown user) '(.{0,512})' tried to login|User '(.{0,512})' tried to login with (wrong password))\.?\s*$/;

/** The login a web administration tool's syslog message reports, or undefined. */
export function matchWebAdminLogin(app: WebAdminApp, message: string): WebAdminLogin | undefined {
  if (app === 'proxmox') return matchProxmoxLogin(message);
  if (app === 'monit') return matchMonitLogin(message);
  if (app === 'froxlor') return matchFroxlorLogin(message);
  if (app === 'phpmyadmin') {
    const found = PHPMYADMIN.exec(message);
    const ip = found === null ? undefined : normalizeIp(found[6] as string);
    if (found === null || ip === undefined) return undefined;
    const denied = found[1] !== undefined;
    return {
      app,
      outcome: denied ? 'failure' : 'success',
      user: nonEmpty(denied ? found[2] : found[5]),
      ip,
      reason: denied ? (found[3] as string) : 'user accepted',
    };
  }
  const found = MINISERV.exec(message);
  const ip = found === null ? undefined : normalizeIp(found[3] as string);
  if (found === null || ip === undefined) return undefined;
  return {
    app,
    outcome: found[1] === 'Successful' ? 'success' : 'failure',
    user: nonEmpty(found[2]),
    ip,
    reason: `${found[1]} login`,
  };
}

function matchProxmoxLogin(message: string): WebAdminLogin | undefined {
  const success = PROXMOX_SUCCESS.exec(message);
  if (success !== null)
    return {
      app: 'proxmox',
      outcome: 'success',
      user: withoutRealm(success[1]),
      ip: undefined,
      reason: 'successful auth',
    };
  const found = PROXMOX_FAILED.exec(message);
  const ip = found === null ? undefined : normalizeIp(withoutPort(found[1] as string));
  if (found === null || ip === undefined) return undefined;
  return { app: 'proxmox', outcome: 'failure', user: withoutRealm(found[2]), ip, reason: found[3] as string };
}

function matchMonitLogin(message: string): WebAdminLogin | undefined {
  const found = MONIT.exec(message);
  if (found === null) return undefined;
  const current = found[1] !== undefined;
  const ip = normalizeIp((current ? found[1] : found[4]) as string);
  const reason = (current ? found[2] : found[5]) as string;
  const user = current ? found[3] : found[6];
  if (ip === undefined || (reason === 'empty password') !== (user === undefined)) return undefined;
  return { app: 'monit', outcome: 'failure', user, ip, reason: reason.replace(/ for user$/, '') };
}

function matchFroxlorLogin(message: string): WebAdminLogin | undefined {
  const found = FROXLOR.exec(message);
  const ip = found === null ? undefined : normalizeIp(found[1] as string);
  if (found === null || ip === undefined) return undefined;
  const unknown = found[2] !== undefined;
  return {
    app: 'froxlor',
    outcome: 'failure',
    user: nonEmpty(unknown ? found[3] : found[4]),
    ip,
    reason: unknown ? 'unknown user' : 'wrong password',
  };
}

/**
 * `root@pam` → `root`: Proxmox names a user with its realm after the last `@` (`pam` is the host's
 * own accounts, so `root@pam` is the root that SSH guesses at too).
 */
function withoutRealm(userid: string | undefined): string | undefined {
  if (userid === undefined) return undefined;
  const at = userid.lastIndexOf('@');
  return nonEmpty(at > 0 ? userid.slice(0, at) : userid);
}

/** `[ADDR]:PORT` (Proxmox Backup Server) → ADDR; anything else as it is. */
function withoutPort(address: string): string {
  if (!address.startsWith('[')) return address;
  const end = address.indexOf(']');
  return end < 0 ? address : address.slice(1, end);
}

/** The programs whose lines are Proxmox logins: its VE, Backup Server and Mail Gateway daemons. */
const PROXMOX_PROGRAMS = new Set(['pvedaemon', 'pveproxy', 'proxmox-backup-proxy', 'pmgdaemon', 'pmgproxy']);

/** The tool a syslog program name (from `start` to `end` of `text`) stands for, if any. */
export function webAdminAppAt(text: string, start: number, end: number): WebAdminApp | undefined {
  const length = end - start;
  if ((length === 9 || length === 8 || length === 20) && PROXMOX_PROGRAMS.has(text.slice(start, end)))
    return 'proxmox';
  if (length === 6 && text.startsWith('webmin', start)) return 'webmin';
  if (length === 5 && text.startsWith('monit', start)) return 'monit';
  if (length === 7 && text.startsWith('usermin', start)) return 'usermin';
  if (length === 7 && text.startsWith('Froxlor', start)) return 'froxlor';
  if (length === 10 && text.startsWith('phpMyAdmin', start)) return 'phpmyadmin';
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
