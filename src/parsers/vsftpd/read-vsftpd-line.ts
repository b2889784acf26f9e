import { scanCtimeTimestamp } from '../syslog/parse-timestamps.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** A login line of vsftpd's own log (vsftpd.log). */
export interface VsftpdLogin {
  time: number;
  pid: number;
  /** The name the client gave, undefined when the line names none. */
  user: string | undefined;
  outcome: 'success' | 'failure';
  ip: string;
  /** What vsftpd said after the address (`User is not in the allow user list.`). */
  reason: string | undefined;
}

export const NOT_VSFTPD = 'not-vsftpd';
export const VSFTPD_LINE_UNUSED = 'vsftpd-line-unused';

const PID = ' [pid ';
const RESULTS = [
  { text: '] FAIL LOGIN: Client "', outcome: 'failure' },
  { text: '] OK LOGIN: Client "', outcome: 'success' },
] as const;
const time = { value: 0 };

/** Whether `line` is one of vsftpd's: a ctime time, then `[pid N]`. */
export function isVsftpdLine(line: string): boolean {
  const end = scanCtimeTimestamp(line, 0, time);
  return end > 0 && line.startsWith(PID, end);
}

/**
 * `Mon Mar  4 10:00:00 2024 [pid 1234] [USER] FAIL LOGIN: Client "ADDR"[, "REASON"]` (or `OK
 * LOGIN`), as vsftpd writes its own log (the time is the server's, without a zone: read as UTC).
 * The client writes USER and may put `] OK LOGIN: Client "...` in it: the result and the address
 * are the line's last such, which vsftpd writes after the user. A string for any other line: not
 * vsftpd's, or none of its logins (CONNECT, transfers).
 */
export function readVsftpdLine(line: string): VsftpdLogin | string {
  const end = scanCtimeTimestamp(line, 0, time);
  if (end < 0 || !line.startsWith(PID, end)) return NOT_VSFTPD;
  const pidEnd = line.indexOf(']', end + PID.length);
  const pidText = pidEnd < 0 ? '' : line.slice(end + PID.length, pidEnd);
  if (!/^\d{1,10}$/.test(pidText)) return NOT_VSFTPD;
  let found: { at: number; text: string; outcome: 'success' | 'failure' } | undefined;
  for (const result of RESULTS) {
    const at = line.lastIndexOf(result.text);
    if (at > pidEnd && (found === undefined || at > found.at)) found = { at, ...result };
  }
  if (found === undefined) return VSFTPD_LINE_UNUSED;
  const userStart = pidEnd + 1;
  if (!line.startsWith(' [', userStart)) return VSFTPD_LINE_UNUSED;
  const user = line.slice(userStart + 2, found.at);
  const addressStart = found.at + found.text.length;
  const addressEnd = line.indexOf('"', addressStart);
  if (addressEnd < 0) return VSFTPD_LINE_UNUSED;
  const ip = normalizeIp(line.slice(addressStart, addressEnd));
  if (ip === undefined) return VSFTPD_LINE_UNUSED;
  const rest = line.slice(addressEnd + 1).trim();
  const reason = rest.startsWith(', "') && rest.endsWith('"') ? rest.slice(3, -1) : undefined;
  return {
    time: time.value,
    pid: Number(pidText),
    user: user === '' ? undefined : user,
    outcome: found.outcome,
    ip,
    reason,
  };
}
