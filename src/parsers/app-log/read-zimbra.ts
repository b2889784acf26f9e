import { normalizeIp } from '../sshd/parse-address.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const ZIMBRA_LINE_UNUSED = 'zimbra-line-unused';
const ZIMBRA = { app: 'zimbra', dataset: 'zimbra.mailbox' };

/** `2021-03-03 19:51:53,762 INFO  [THREAD] ` */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) +(?:INFO|WARN|ERROR|DEBUG) +\[([^\]\s]{1,256})\] /;
/** The refusal and the user the client named: `authentication failed for [U], REASON` or `... [U] (REASON)`. */
const FAILED =
  / - (?:handler exception: )?authentication failed for \[(.{0,256})\](?:, | \()(invalid password|account not found|account lockout|account is locked|[a-z ]{1,40})\)?\s*$/;
/** The client in the request's context: `oip=` behind Zimbra's proxy, else `ip=`. */
const ORIGINAL_IP = /[[;]oip=([0-9A-Fa-f:.]{2,45});/g;
const DIRECT_IP = /[[;]ip=([0-9A-Fa-f:.]{2,45});/g;

/**
 * A line of Zimbra's mailbox.log: a login it refused, over SOAP (the web client's, and the MTA's
 * and proxy's checks of SMTP, IMAP and POP3 passwords: `SoapEngine - handler exception:
 * authentication failed for [U], invalid password`) or IMAP/POP3 (`imap - authentication failed for
 * [U] (invalid password)`), or why it is none. The client is the context's `oip=` (behind Zimbra's
 * proxy) or `ip=`; the context also holds the client's account name and user agent, so a line naming
 * a second one is a forged line. The time has no zone.
 */
export function readZimbraLine(line: string): AppLoginRecord | AppForgedRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const rest = line.slice(head[0].length);
  const failed = FAILED.exec(rest);
  if (failed === null) return ZIMBRA_LINE_UNUSED;
  const context = rest.slice(0, failed.index);
  const original = [...context.matchAll(ORIGINAL_IP)];
  const found = original.length > 0 ? original : [...context.matchAll(DIRECT_IP)];
  const addresses = found.flatMap((match) => normalizeIp(match[1] as string) ?? []);
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const thread = head[8] as string;
  const protocol = /oproto=(smtp|imap|pop3);/.exec(context)?.[1] ?? protocolOf(thread, rest);
  if (addresses.length > 1) return { ...time, ...ZIMBRA, forged: addresses };
  const ip = addresses[0];
  if (ip === undefined) return ZIMBRA_LINE_UNUSED;
  const login = appLogin(ZIMBRA, time, 'failure', failed[1], ip, failed[2] as string);
  return protocol === 'web' ? login : { ...login, mail: protocol };
}

/** The protocol a thread and its logger say: IMAP's and POP3's servers, SMTP's checks, or the web client. */
function protocolOf(thread: string, rest: string): string {
  if (/^Imap/.test(thread) || rest.includes('] imap - ')) return 'imap';
  if (/^Pop3/.test(thread) || rest.includes('] pop - ')) return 'pop3';
  if (thread.includes(':smtp://')) return 'smtp';
  return 'web';
}
