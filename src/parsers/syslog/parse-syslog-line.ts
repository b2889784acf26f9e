import type { SyslogLine } from './syslog-line.ts';
import type { YearResolver } from './year-resolver.ts';
import { buildRfc3164Line, scanRfc3164Rest } from './parse-rfc3164.ts';
import { scanLogreadHead } from './parse-logread.ts';
import { parseRfc5424 } from './parse-rfc5424.ts';
import { scanBsdTimestamp, scanIsoTimestamp } from './parse-timestamps.ts';
import { digitAt, SPACE, type NumberOut } from './scan-chars.ts';
import { createSyslogParts, type SyslogParts } from './syslog-parts.ts';

// Scratch for the timestamp scanners and parseSyslogLine; parsing is synchronous, so one each is enough.
const timeOut: NumberOut = { value: 0 };
const scratch = createSyslogParts(false);

/** What scanSyslogLine found: no syslog line, an RFC 3164 line (in the parts), or an RFC 5424 line. */
export const NO_SYSLOG = 0;
export const RFC3164 = 1;
export const RFC5424 = 2;
export type SyslogScan = typeof NO_SYSLOG | typeof RFC3164 | typeof RFC5424;

/**
 * Splits a syslog line into timestamp, host, program, pid and message. Understands RFC 3164
 * (`Mar 27 13:06:56 host sshd[42]: msg`, optionally `<PRI>` first and an ISO 8601 timestamp in place
 * of the BSD one, its `T` perhaps a space as macOS writes it), RFC 5424 (`<34>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg`) and
 * OpenWrt's logread (`Sun Mar  3 10:41:02 2024 authpriv.warn dropbear[3170]: msg`; parse-logread.ts).
 * Timestamps without a zone are read in `years`' zone (UTC by default); RFC 3164's year comes from it.
 * Returns undefined when the line is not syslog.
 */
export function parseSyslogLine(line: string, years: YearResolver): SyslogLine | undefined {
  const kind = scanSyslogLine(line, years, scratch);
  if (kind === RFC3164) return buildRfc3164Line(line, scratch);
  if (kind === RFC5424)
    return parseRfc5424(line, scratch.messageStart, scratch.end, scratch.priority as number, years.zoneless);
  return undefined;
}

/**
 * Scans an RFC 3164 line into `parts` without making strings (buildRfc3164Line makes its SyslogLine).
 * For an RFC 5424 line it only reads the priority and leaves messageStart at its VERSION, for
 * parseRfc5424. Each RFC 3164 timestamp asks `years` once, unless `parts` reuses the one before.
 */
export function scanSyslogLine(line: string, years: YearResolver, parts: SyslogParts): SyslogScan {
  let end = line.length;
  if (line.charCodeAt(end - 1) === 13 /* \r */) end--;
  let start = 0;
  parts.priority = undefined;
  if (line.charCodeAt(0) === 60 /* < */) {
    let priority = 0;
    start = 1;
    for (let digit = digitAt(line, start); digit >= 0 && start < 4; digit = digitAt(line, ++start)) {
      priority = priority * 10 + digit;
    }
    if (start === 1 || line.charCodeAt(start) !== 62 /* > */ || priority > 191) return NO_SYSLOG;
    start++;
    parts.priority = priority;
    if (isRfc5424Version(line, start)) {
      parts.messageStart = start;
      parts.end = end;
      return RFC5424;
    }
  }
  const timeEnd = scanTimestamp(line, start, years, parts);
  if (timeEnd < 0) {
    // Not RFC 3164's time: perhaps OpenWrt's logread, `Sun Mar  3 10:41:02 2024 authpriv.warn ...`.
    const restStart = parts.priority === undefined ? scanLogreadHead(line, start, parts, years.zoneless) : -1;
    return restStart > 0 && scanRfc3164Rest(line, restStart, end, parts) ? RFC3164 : NO_SYSLOG;
  }
  if (line.charCodeAt(timeEnd) !== SPACE) return NO_SYSLOG;
  // macOS's `log show --style syslog` writes two spaces before the host.
  let restStart = timeEnd + 1;
  while (line.charCodeAt(restStart) === SPACE && restStart < end) restStart++;
  return scanRfc3164Rest(line, restStart, end, parts) ? RFC3164 : NO_SYSLOG;
}

/** Scans the timestamp at `start` into parts.timestamp; returns its end, or -1. */
function scanTimestamp(line: string, start: number, years: YearResolver, parts: SyslogParts): number {
  const stamp = parts.stamp;
  // The same text followed by a space scans to the same time, and `years` answers a repeat the same.
  if (stamp !== '' && sameText(line, start, stamp) && line.charCodeAt(start + stamp.length) === SPACE) {
    parts.timestamp = parts.stampValue;
    return start + stamp.length;
  }
  parts.stamp = '';
  const first = line.charCodeAt(start);
  const timeEnd =
    first >= 48 && first <= 57
      ? scanIsoTimestamp(line, start, timeOut, true, years.zoneless)
      : scanBsdTimestamp(line, start, years, timeOut);
  if (timeEnd < 0) return -1;
  parts.timestamp = timeOut.value;
  if (parts.reuseStamps && line.charCodeAt(timeEnd) === SPACE) {
    parts.stamp = line.slice(start, timeEnd);
    parts.stampValue = timeOut.value;
  }
  return timeEnd;
}

/** VERSION is one or two digits and a space; an ISO timestamp has four digits and a dash. */
function isRfc5424Version(line: string, start: number): boolean {
  if (digitAt(line, start) < 1) return false;
  const next = line.charCodeAt(start + 1);
  return next === SPACE || (digitAt(line, start + 1) >= 0 && line.charCodeAt(start + 2) === SPACE);
}

/** Whether `line` holds `text` from `start`, compared code by code (timestamps are short). */
function sameText(line: string, start: number, text: string): boolean {
  const length = text.length;
  if (start + length > line.length) return false;
  for (let i = length - 1; i >= 0; i--) if (line.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
  return true;
}
