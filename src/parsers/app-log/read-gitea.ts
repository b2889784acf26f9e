import { addressAfterUser } from './address-after-user.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const GITEA_LINE_UNUSED = 'gitea-line-unused';
const GITEA = { app: 'gitea', dataset: 'gitea.log' };

/** `2024/03/04 10:00:01 routers/web/auth/auth.go:200:SignInPost() [I] ` (also `...ers/`, `.123456`, a request id). */
const HEAD =
  /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})? \S{1,256} \[[A-Z]\] (?:\[[0-9A-Za-z-]{1,64}\] )?/;
const FAILED = 'Failed authentication attempt for ';
/** ` from ADDR:PORT: ` (IPv6 bracketed in newer versions), as Gitea writes it after the user. */
const FROM = / from (\[[0-9A-Fa-f:.]{2,45}\]|[0-9A-Fa-f:.]{2,45}):\d{1,5}: /g;

/**
 * A line of Gitea's (and Forgejo's) log (`gitea.log`): `HEAD Failed authentication attempt for U
 * from ADDR:PORT: REASON` (REASON `user does not exist [uid: 0, name: U, keyid: 0]`, `user's
 * password is invalid [...]`, ...), or why it is none. The time has no zone. The client names U,
 * before the address, and again in REASON after it: a line with a second ` from ADDR:PORT: ` is a
 * forged line (every address it names), not a login read with an address the client chose.
 */
export function readGiteaLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  if (!line.startsWith(FAILED, head[0].length)) return GITEA_LINE_UNUSED;
  const rest = line.slice(head[0].length + FAILED.length);
  const found = addressAfterUser(rest, FROM, (address) => address.replace(/^\[|\]$/g, ''));
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  if (found === undefined) return GITEA_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...GITEA, ...found };
  return appLogin(GITEA, time, 'failure', found.user, found.ip, found.after.replace(/ \[uid: .*$/, ''));
}
