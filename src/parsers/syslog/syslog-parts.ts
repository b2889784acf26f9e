/**
 * Where the parts of one RFC 3164 line are (see scanSyslogLine), so a caller can look at the program
 * and the message before any string is made. One per reader, reused line after line.
 */
export interface SyslogParts {
  /** Epoch milliseconds, UTC. */
  timestamp: number;
  priority: number | undefined;
  /** -1 when the line names no host; else the host is [hostStart, hostEnd). */
  hostStart: number;
  hostEnd: number;
  /** -1 for a tag-less line; else the program is [programStart, programEnd). */
  programStart: number;
  programEnd: number;
  pid: number | undefined;
  /** The message is [messageStart, end): leading spaces and a trailing carriage return left out. */
  messageStart: number;
  end: number;
  /**
   * The timestamp text of the line scanned last and what it came to; the next line that starts with
   * the same text (syslog writes several lines a second) reuses it. '' when there is none.
   */
  stamp: string;
  stampValue: number;
  /** The host name made last, given again to the next line from the same host (strings are immutable). */
  host: string;
  /** Whether scanSyslogLine may remember timestamps in `stamp`. */
  reuseStamps: boolean;
}

export function createSyslogParts(reuseStamps: boolean): SyslogParts {
  return {
    timestamp: NaN,
    priority: undefined,
    hostStart: -1,
    hostEnd: -1,
    programStart: -1,
    programEnd: -1,
    pid: undefined,
    messageStart: 0,
    end: 0,
    stamp: '',
    stampValue: NaN,
    host: '',
    reuseStamps,
  };
}
