import { READ_AS_UTC, type ZonelessTime } from '../../core/index.ts';
import type { SyslogLine } from './syslog-line.ts';
import { scanIsoTimestamp } from './parse-timestamps.ts';
import { MAX_PID, SPACE, type NumberOut } from './scan-chars.ts';

const NIL = 45; // '-'
const timeOut: NumberOut = { value: 0 };

/**
 * Parses an RFC 5424 line from its VERSION on (`1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg`);
 * `-` stands for a nil field. Returns undefined when the header does not have that shape. RFC 5424
 * asks for a zone; a time written without one is read by `zoneless`.
 */
export function parseRfc5424(
  line: string,
  start: number,
  end: number,
  priority: number,
  zoneless: ZonelessTime = READ_AS_UTC,
): SyslogLine | undefined {
  let index = line.indexOf(' ', start) + 1;
  let timestamp = NaN;
  if (line.charCodeAt(index) === NIL && line.charCodeAt(index + 1) === SPACE) {
    index += 2;
  } else {
    const timeEnd = scanIsoTimestamp(line, index, timeOut, false, zoneless);
    if (timeEnd < 0 || line.charCodeAt(timeEnd) !== SPACE) return undefined;
    timestamp = timeOut.value;
    index = timeEnd + 1;
  }
  const hostEnd = nextSpace(line, index, end);
  const appEnd = nextSpace(line, hostEnd + 1, end);
  const procEnd = nextSpace(line, appEnd + 1, end);
  const msgIdEnd = nextSpace(line, procEnd + 1, end);
  if (msgIdEnd < 0) return undefined;
  const sdEnd = scanStructuredData(line, msgIdEnd + 1, end);
  if (sdEnd < 0) return undefined;
  let messageStart = sdEnd;
  while (line.charCodeAt(messageStart) === SPACE) messageStart++;
  if (line.charCodeAt(messageStart) === 0xfeff) messageStart++;
  const procId = nilOr(line, appEnd + 1, procEnd);
  return {
    timestamp,
    priority,
    hostname: nilOr(line, index, hostEnd),
    program: nilOr(line, hostEnd + 1, appEnd),
    pid: readPid(procId),
    msgId: nilOr(line, procEnd + 1, msgIdEnd),
    structuredData: nilOr(line, msgIdEnd + 1, sdEnd),
    message: messageStart < end ? line.slice(messageStart, end) : '',
  };
}

/** Index of the space ending a non-empty token at `from`, or -1; `from` 0 means an earlier token failed. */
function nextSpace(line: string, from: number, end: number): number {
  if (from <= 0) return -1;
  const space = line.indexOf(' ', from);
  return space < 0 || space >= end || space === from ? -1 : space;
}

function nilOr(line: string, start: number, end: number): string | undefined {
  return end === start + 1 && line.charCodeAt(start) === NIL ? undefined : line.slice(start, end);
}

/** Returns the index just after STRUCTURED-DATA (`-` or `[...]...`) starting at `start`, or -1. */
function scanStructuredData(line: string, start: number, end: number): number {
  if (line.charCodeAt(start) === NIL)
    return start + 1 === end || line.charCodeAt(start + 1) === SPACE ? start + 1 : -1;
  let index = start;
  while (line.charCodeAt(index) === 91 /* [ */) {
    let inQuotes = false;
    for (index++; index < end; index++) {
      const code = line.charCodeAt(index);
      if (inQuotes && code === 92 /* \ */) index++;
      else if (code === 34 /* " */) inQuotes = !inQuotes;
      else if (!inQuotes && code === 93 /* ] */) break;
    }
    if (index >= end) return -1;
    index++;
  }
  return index === start || (index < end && line.charCodeAt(index) !== SPACE) ? -1 : index;
}

/** PROCID is any printable text; a pid only when it is a number a process id can be. */
function readPid(procId: string | undefined): number | undefined {
  if (procId === undefined || !/^\d{1,10}$/.test(procId)) return undefined;
  const pid = Number(procId);
  return pid <= MAX_PID ? pid : undefined;
}
