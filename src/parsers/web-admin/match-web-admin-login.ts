import { normalizeIp } from '../sshd/parse-address.ts';

/** The web administration tools whose syslog lines report their logins. */
export type WebAdminApp = 'webmin' | 'usermin' | 'phpmyadmin';

/** A login to a web administration tool, as its syslog line reports it. */
export interface WebAdminLogin {
  app: WebAdminApp;
  outcome: 'failure' | 'success';
  user: string | undefined;
  ip: string;
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

/** The login a web administration tool's syslog message reports, or undefined. */
export function matchWebAdminLogin(app: WebAdminApp, message: string): WebAdminLogin | undefined {
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

/** The tool a syslog program name (from `start` to `end` of `text`) stands for, if any. */
export function webAdminAppAt(text: string, start: number, end: number): WebAdminApp | undefined {
  const length = end - start;
  if (length === 6 && text.startsWith('webmin', start)) return 'webmin';
  if (length === 7 && text.startsWith('usermin', start)) return 'usermin';
  if (length === 10 && text.startsWith('phpMyAdmin', start)) return 'phpmyadmin';
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
