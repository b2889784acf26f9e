import type { SyslogLine } from './syslog-line.ts';
import type { YearResolver } from './year-resolver.ts';
import { parseRfc3164Rest } from './parse-rfc3164.ts';
import { parseRfc5424 } from './parse-rfc5424.ts';
import { scanBsdTimestamp, scanIsoTimestamp } from './parse-timestamps.ts';
import { digitAt, SPACE, type NumberOut } from './scan-chars.ts';

// Scratch for the timestamp scanners; parsing is synchronous, so one per module is enough.
const timeOut: NumberOut = { value: 0 };

/**
 * Splits a syslog line into timestamp, host, program, pid and message. Understands RFC 3164
 * (`Mar 27 13:06:56 host sshd[42]: msg`, optionally `<PRI>` first and an ISO 8601 timestamp in place
 * of the BSD one) and RFC 5424 (`<34>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg`).
 * RFC 3164 timestamps without a zone are UTC; their year comes from `years`.
 * Returns undefined when the line is not syslog.
 */
export function parseSyslogLine(line: string, years: YearResolver): SyslogLine | undefined {
  let end = line.length;
  if (line.charCodeAt(end - 1) === 13 /* \r */) end--;
  let start = 0;
  let priority: number | undefined;
  if (line.charCodeAt(0) === 60 /* < */) {
    priority = 0;
    start = 1;
    for (let digit = digitAt(line, start); digit >= 0 && start < 4; digit = digitAt(line, ++start)) {
      priority = priority * 10 + digit;
    }
    if (start === 1 || line.charCodeAt(start) !== 62 /* > */ || priority > 191) return undefined;
    start++;
    if (isRfc5424Version(line, start)) return parseRfc5424(line, start, end, priority);
  }
  const first = line.charCodeAt(start);
  const timeEnd =
    first >= 48 && first <= 57
      ? scanIsoTimestamp(line, start, timeOut)
      : scanBsdTimestamp(line, start, years, timeOut);
  if (timeEnd < 0 || line.charCodeAt(timeEnd) !== SPACE) return undefined;
  return parseRfc3164Rest(line, timeEnd + 1, end, timeOut.value, priority);
}

/** VERSION is one or two digits and a space; an ISO timestamp has four digits and a dash. */
function isRfc5424Version(line: string, start: number): boolean {
  if (digitAt(line, start) < 1) return false;
  const next = line.charCodeAt(start + 1);
  return next === SPACE || (digitAt(line, start + 1) >= 0 && line.charCodeAt(start + 2) === SPACE);
}
