import type { ZonelessTime } from '../../core/index.ts';
import { scanCtimeTimestamp } from './parse-timestamps.ts';
import { digitAt, SPACE, type NumberOut } from './scan-chars.ts';
import type { SyslogParts } from './syslog-parts.ts';

const timeOut: NumberOut = { value: 0 };

/**
 * Scans the head of a line as OpenWrt's `logread` (ubox logd) writes it, to its own output and to
 * its log file: `Sun Mar  3 10:41:02 2024 authpriv.warn dropbear[3170]: message`, with
 * `[1709462462.123] ` after the time under `logread -t`. The time is ctime()'s, in the router's
 * zone, which the line does not name, so it is read by `zoneless`, as a zoneless RFC 3164 time is; the
 * `[seconds.ms]` stamp, when there, is the exact time and wins. Sets parts.timestamp and
 * parts.priority; returns where `program[pid]: message` starts (no host: logread writes none), or -1.
 */
export function scanLogreadHead(
  line: string,
  start: number,
  parts: SyslogParts,
  zoneless: ZonelessTime,
): number {
  let index = scanCtimeTimestamp(line, start, timeOut, zoneless);
  if (index < 0 || line.charCodeAt(index) !== SPACE) return -1;
  let time = timeOut.value;
  index++;
  if (line.charCodeAt(index) === 91 /* [ */) {
    const end = scanEpochStamp(line, index + 1, timeOut);
    if (end < 0 || line.charCodeAt(end) !== 93 /* ] */ || line.charCodeAt(end + 1) !== SPACE) return -1;
    time = timeOut.value;
    index = end + 2;
  }
  const priority = scanFacilityLevel(line, index);
  if (priority < 0) return -1;
  parts.timestamp = time;
  parts.priority = priority;
  parts.stamp = '';
  return line.indexOf(' ', index) + 1;
}

/** `seconds.mmm` since the epoch; sets out.value to epoch ms and returns the end, or -1. */
function scanEpochStamp(line: string, start: number, out: NumberOut): number {
  let seconds = 0;
  let index = start;
  for (let digit = digitAt(line, index); digit >= 0 && index - start < 12; digit = digitAt(line, ++index))
    seconds = seconds * 10 + digit;
  if (index === start || line.charCodeAt(index) !== 46 /* . */) return -1;
  let ms = 0;
  const fraction = ++index;
  for (let digit = digitAt(line, index); digit >= 0 && index - fraction < 3; digit = digitAt(line, ++index))
    ms = ms * 10 + digit;
  if (index - fraction !== 3) return -1;
  out.value = seconds * 1000 + ms;
  return index;
}

// The names syslog.h's facilitynames and prioritynames give first for each code, as logread prints them.
const FACILITIES = new Map<string, number>([
  ['kern', 0],
  ['user', 1],
  ['mail', 2],
  ['daemon', 3],
  ['auth', 4],
  ['syslog', 5],
  ['lpr', 6],
  ['news', 7],
  ['uucp', 8],
  ['cron', 9],
  ['authpriv', 10],
  ['ftp', 11],
  ['local0', 16],
  ['local1', 17],
  ['local2', 18],
  ['local3', 19],
  ['local4', 20],
  ['local5', 21],
  ['local6', 22],
  ['local7', 23],
]);
const LEVELS = new Map<string, number>([
  ['emerg', 0],
  ['alert', 1],
  ['crit', 2],
  ['err', 3],
  ['warn', 4],
  ['notice', 5],
  ['info', 6],
  ['debug', 7],
]);

/** `facility.level ` at `start` (`authpriv.warn`): the syslog priority it stands for, or -1. */
function scanFacilityLevel(line: string, start: number): number {
  const dot = line.indexOf('.', start);
  const space = line.indexOf(' ', start);
  if (dot < 0 || space < dot || space - start > 16) return -1;
  const facility = FACILITIES.get(line.slice(start, dot));
  const level = LEVELS.get(line.slice(dot + 1, space));
  return facility === undefined || level === undefined ? -1 : facility * 8 + level;
}
