import type { SyslogLine } from './syslog-line.ts';
import { COLON, digitAt, MAX_PID, SPACE } from './scan-chars.ts';

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * Parses what follows an RFC 3164 timestamp: `host program[pid]: message`. The host may be
 * missing (`program: message`) and so may the tag (sysklogd's `host last message repeated 2 times`),
 * in which case program is undefined and the message is everything after the host.
 */
export function parseRfc3164Rest(
  line: string,
  start: number,
  end: number,
  timestamp: number,
  priority: number | undefined,
): SyslogLine | undefined {
  let firstEnd = line.indexOf(' ', start);
  if (firstEnd < 0 || firstEnd > end) firstEnd = end;
  if (firstEnd === start) return undefined;
  let hostname: string | undefined;
  let tagStart = start;
  if (line.charCodeAt(firstEnd - 1) !== COLON) {
    hostname = line.slice(start, firstEnd);
    tagStart = firstEnd + 1;
  }
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
    return buildLine(timestamp, priority, hostname, undefined, undefined, line.slice(tagStart, end));
  }
  let messageStart = tagEnd + 1;
  while (line.charCodeAt(messageStart) === SPACE) messageStart++;
  const message = messageStart < end ? line.slice(messageStart, end) : '';
  return buildLine(timestamp, priority, hostname, line.slice(tagStart, programEnd), pid, message);
}

function buildLine(
  timestamp: number,
  priority: number | undefined,
  hostname: string | undefined,
  program: string | undefined,
  pid: number | undefined,
  message: string,
): SyslogLine {
  return {
    timestamp,
    priority,
    hostname,
    program,
    pid,
    msgId: undefined,
    structuredData: undefined,
    message,
  };
}
