import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser, ParserOptions } from '../parser.ts';
import { createYearResolver, parseSyslogLine, type SyslogLine } from '../syslog/index.ts';
import { MALFORMED, type SshdAuth } from './sshd-auth.ts';
import { classifySshdMessage } from './classify-sshd-message.ts';
import { buildSshdEvent } from './build-sshd-event.ts';
import { readLastMessageRepeated, unwrapRepeated } from './unwrap-repeated.ts';
import { createTimestampFormatter } from './format-timestamp.ts';
import { isSshdProgram } from './sshd-programs.ts';
import { createAttemptCounter } from './count-attempts.ts';
import { markAttempt } from './mark-attempt.ts';
import { readJournalLine } from './read-journal-line.ts';

export const NOT_SYSLOG = 'not-syslog';
export const NOT_SSHD = 'not-sshd';
/** An RFC 5424 line with the nil timestamp `-`: there is no event time to place it at. */
export const NO_TIMESTAMP = 'syslog-without-time';

interface UsedLine {
  syslog: SyslogLine;
  message: string;
  auth: SshdAuth;
}

/**
 * Parses syslog lines (or journald's `journalctl -o json` export) from sshd into authentication events. Skip reasons: `not-syslog`, `not-sshd`
 * (another program), `sshd-not-auth` (an sshd line that says nothing about an attempt),
 * `malformed-sshd-message` (an authentication message whose user, address or port is garbled) and
 * `syslog-without-time`.
 */
export function createSshdParser(options: ParserOptions): LineParser {
  const years = createYearResolver(options);
  const formatTimestamp = createTimestampFormatter();
  const countsAsAttempt = createAttemptCounter();
  // For sysklogd's "last message repeated N times", which repeats whatever line came just before.
  let previous: UsedLine | undefined;

  function emitRepeats(used: UsedLine, time: number, original: string, count: number, emit: Emit): void {
    const timestamp = formatTimestamp(time);
    for (let index = 0; index < count; index++) {
      emit(buildSshdEvent(used.syslog, original, used.message, timestamp, used.auth), time);
    }
  }

  function parseLine(line: string, emit: Emit): string | null {
    const syslog = line.charCodeAt(0) === 123 /* { */ ? readJournalLine(line) : parseSyslogLine(line, years);
    const before = previous;
    previous = undefined;
    if (syslog === undefined) return NOT_SYSLOG;
    if (syslog.program === undefined) {
      const count = before && readLastMessageRepeated(syslog.message);
      if (!before || count === undefined || Number.isNaN(syslog.timestamp)) return NOT_SSHD;
      emitRepeats(before, syslog.timestamp, line, count, emit);
      return null;
    }
    if (!isSshdProgram(syslog.program)) return NOT_SSHD;
    if (Number.isNaN(syslog.timestamp)) return NO_TIMESTAMP;
    let message = stripSolarisTag(syslog.message);
    let count = 1;
    const repeated = unwrapRepeated(message);
    if (repeated !== undefined) {
      if (repeated.count === 0) return MALFORMED;
      count = repeated.count;
      message = repeated.message;
    }
    const auth = classifySshdMessage(message);
    if (typeof auth === 'string') return auth;
    markAttempt(auth, countsAsAttempt(auth, syslog.hostname, syslog.pid, syslog.timestamp));
    previous = { syslog, message, auth };
    emitRepeats(previous, syslog.timestamp, line, count, emit);
    return null;
  }

  return {
    parseLine,
    notes() {
      const decision = years.describeDecision();
      return decision === undefined ? [] : [decision];
    },
  };
}

/** Solaris prefixes messages with a message id and facility: `[ID 800047 auth.info] Failed ...`. */
function stripSolarisTag(message: string): string {
  if (!message.startsWith('[ID ')) return message;
  const end = message.indexOf('] ', 4);
  return end > 0 && end < 40 ? message.slice(end + 2) : message;
}

type Emit = (event: SecurityEvent, ts: number) => void;
