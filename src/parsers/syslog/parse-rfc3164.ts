import type { SyslogLine } from './syslog-line.ts';
import type { SyslogParts } from './syslog-parts.ts';
import { COLON, digitAt, MAX_PID, SPACE } from './scan-chars.ts';

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * Scans what follows an RFC 3164 timestamp, `host program[pid]: message`, into `parts` (positions,
 * no strings made). The host may be missing (`program: message`) and so may the tag (sysklogd's
 * `host last message repeated 2 times`): then programStart is -1 and the message is everything after
 * the host. False when there is no header at all.
 */
export function scanRfc3164Rest(line: string, start: number, end: number, parts: SyslogParts): boolean {
  let firstEnd = line.indexOf(' ', start);
  if (firstEnd < 0 || firstEnd > end) firstEnd = end;
  if (firstEnd === start) return false;
  let tagStart = start;
  parts.hostStart = -1;
  if (line.charCodeAt(firstEnd - 1) !== COLON) {
    parts.hostStart = start;
    parts.hostEnd = firstEnd;
    tagStart = firstEnd + 1;
  }
  parts.end = end;
  let index = tagStart;
  let code = line.charCodeAt(index);
  while (index < end && code !== COLON && code !== OPEN_BRACKET && code !== SPACE)
    code = line.charCodeAt(++index);
  const programEnd = index;
  let pid: number | undefined;
  let tagEnd = code === COLON ? index : -1;
  if (code === OPEN_BRACKET) {
    let value = 0;
    let cursor = index + 1;
    for (let digit = digitAt(line, cursor); digit >= 0; digit = digitAt(line, ++cursor))
      value = Math.min(value * 10 + digit, MAX_PID + 1);
    if (
      cursor > index + 1 &&
      line.charCodeAt(cursor) === CLOSE_BRACKET &&
      line.charCodeAt(cursor + 1) === COLON
    ) {
      pid = value <= MAX_PID ? value : undefined;
      tagEnd = cursor + 1;
    }
  }
  if (tagEnd < 0 || tagEnd >= end || programEnd === tagStart) {
    parts.programStart = -1;
    parts.pid = undefined;
    parts.messageStart = tagStart;
    return true;
  }
  let messageStart = tagEnd + 1;
  while (line.charCodeAt(messageStart) === SPACE) messageStart++;
  parts.programStart = tagStart;
  parts.programEnd = programEnd;
  parts.pid = pid;
  parts.messageStart = messageStart;
  return true;
}

/**
 * The SyslogLine of an RFC 3164 line that scanRfc3164Rest scanned into `parts`. `program` may give the
 * program's name when the caller already holds it as a string (no copy is made then).
 */
export function buildRfc3164Line(line: string, parts: SyslogParts, program?: string): SyslogLine {
  const hasProgram = parts.programStart >= 0;
  return {
    timestamp: parts.timestamp,
    priority: parts.priority,
    hostname: rfc3164Host(line, parts),
    program: hasProgram ? (program ?? line.slice(parts.programStart, parts.programEnd)) : undefined,
    pid: hasProgram ? parts.pid : undefined,
    msgId: undefined,
    structuredData: undefined,
    message: line.slice(parts.messageStart, parts.end),
  };
}

/**
 * The host name of the line scanned into `parts` (undefined when it names none): the string of the
 * line before when it is the same (a log rarely holds many hosts).
 */
export function rfc3164Host(line: string, parts: SyslogParts): string | undefined {
  const { hostStart, hostEnd, host } = parts;
  if (hostStart < 0) return undefined;
  if (host.length === hostEnd - hostStart && line.startsWith(host, hostStart)) return host;
  return (parts.host = line.slice(hostStart, hostEnd));
}
