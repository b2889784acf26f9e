import { addressAfterUser } from './address-after-user.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const PAPERLESS_LINE_UNUSED = 'paperless-line-unused';
const PAPERLESS = { app: 'paperless', dataset: 'paperless.log' };

/** `[2023-06-30 15:17:36,332] [INFO] [paperless.auth] ` */
const HEAD =
  /^\[(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3})\] \[[A-Z]{1,8}\] \[paperless\.auth\] /;
const FAILED = 'Login failed for user `';
/** `` from IP `ADDR` `` or `` from private IP `ADDR` ``, after the user. */
const FROM = /` from (?:private )?IP `([^`]{0,64})`/g;

/**
 * A line of paperless-ngx's log (`paperless.log`): ``Login failed for user `U` from IP `ADDR`.``
 * (`private IP` for an address that does not route; older versions put the full stop inside the
 * quotes), or why it is none. The time has no zone. The
 * client names U before the address: a line naming a second `` from IP ` `` is a forged line.
 */
export function readPaperlessLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  if (!line.startsWith(FAILED, head[0].length)) return PAPERLESS_LINE_UNUSED;
  const rest = line.slice(head[0].length + FAILED.length);
  // Older versions wrote the sentence's full stop inside the quotes: `` `192.0.2.1.` ``.
  const found = addressAfterUser(rest, FROM, (address) => address.replace(/\.$/, ''));
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  if (found === undefined) return PAPERLESS_LINE_UNUSED;
  if ('forged' in found) return { ...time, ...PAPERLESS, ...found };
  return appLogin(PAPERLESS, time, 'failure', found.user, found.ip, 'Login failed');
}
