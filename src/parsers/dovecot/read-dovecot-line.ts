import { matchDovecotAuthVerdict, matchDovecotLogin, type MailAuthFailure } from '../mail-log/index.ts';
import type { NumberOut } from '../syslog/scan-chars.ts';
import { scanBsdTimestamp, scanIsoTimestamp } from '../syslog/parse-timestamps.ts';
import type { YearResolver } from '../syslog/year-resolver.ts';

/** Not a line of Dovecot's own log. */
export const NOT_DOVECOT = 'not-dovecot-log';
/** A line of the log that reports no failed login. */
export const DOVECOT_LINE_UNUSED = 'dovecot-line-unused';

/** After the time: the process (`imap-login`, `auth-worker(304)`) and the level Dovecot writes. */
const PROCESS = /^([a-z0-9-]{1,32})(?:\([^()\s]{0,64}\))?: (?:Info|Warning|Error|Fatal|Panic|Debug): /;
/** The auth processes' lines, which may hold a verdict on one attempt. */
const AUTH_PROCESS = /^auth(?:-worker)?(?:\([^()\s]{0,64}\))?: /;
/** multilog's TAI64N label: `@` and 24 hex digits. */
const TAI64N = /^@([0-9a-f]{16})([0-9a-f]{8}) /;
/** 2^62 + 10: the TAI64 label of 1970-01-01 00:00:00 UTC, as djb's tools write it. */
const TAI64_EPOCH = 2n ** 62n + 10n;
/** The most seconds from 1970 a Date holds (8.64e15 ms). */
const MAX_SECONDS = 8.64e12;

const scratch: NumberOut = { value: 0 };

/**
 * A line of Dovecot's own log (`log_path`): `Jan 29 09:33:58 pop3-login: Info: MESSAGE` (the default
 * `log_timestamp`), an ISO time, or multilog's `@4000...` label. Its login process's failure
 * (see matchDovecotLogin) with the line's time, or why it has none.
 */
export function readDovecotLine(
  line: string,
  years: YearResolver,
): (MailAuthFailure & { time: number; message: string }) | string {
  const end = scanHead(line, years);
  if (end < 0) return NOT_DOVECOT;
  const time = scratch.value;
  const message = line.slice(end);
  const process = PROCESS.exec(message) ?? AUTH_PROCESS.exec(message);
  if (process === null) return NOT_DOVECOT;
  // matchDovecotLogin reads `imap-login: Info: ...` as Dovecot writes it to syslog with a level.
  const found = process[1]?.endsWith('-login')
    ? matchDovecotLogin(message)
    : message.startsWith('auth')
      ? matchDovecotAuthVerdict(message)
      : undefined;
  return found === undefined ? DOVECOT_LINE_UNUSED : { ...found, time, message };
}

/** The end of the line's time and the space after it (scratch.value the time), or -1. */
function scanHead(line: string, years: YearResolver): number {
  const first = line.charCodeAt(0);
  if (first === 64 /* @ */) {
    const label = TAI64N.exec(line);
    if (label === null) return -1;
    const seconds = Number(BigInt(`0x${label[1] as string}`) - TAI64_EPOCH);
    const nanoseconds = parseInt(label[2] as string, 16);
    // A label outside the years Date can hold, or more than a second of nanoseconds, is no time.
    if (Math.abs(seconds) > MAX_SECONDS || nanoseconds >= 1e9) return -1;
    scratch.value = seconds * 1000 + Math.floor(nanoseconds / 1e6);
    return label[0].length;
  }
  const end =
    first >= 48 && first <= 57
      ? scanIsoTimestamp(line, 0, scratch, true, years.zoneless)
      : scanBsdTimestamp(line, 0, years, scratch);
  return end < 0 || line.charCodeAt(end) !== 32 ? -1 : end + 1;
}
