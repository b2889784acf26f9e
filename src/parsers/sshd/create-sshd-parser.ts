import { zonelessTimeIn } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser, ParserOptions } from '../parser.ts';
import {
  buildRfc3164Line,
  createSyslogParts,
  rfc3164Host,
  createYearResolver,
  NO_SYSLOG,
  parseSyslogLine,
  RFC3164,
  RFC5424,
  scanSyslogLine,
  type SyslogLine,
} from '../syslog/index.ts';
import { MALFORMED, NO_TIMESTAMP, NOT_AUTH, NOT_SSHD, type SshdAuth } from './sshd-auth.ts';
import { classifySshdMessage, mayClassifySshdMessage } from './classify-sshd-message.ts';
import { buildSshdEvent, type SshdHeader } from './build-sshd-event.ts';
import { readLastMessageRepeated, REPEATED_PREFIX, unwrapRepeated } from './unwrap-repeated.ts';
import { createTimestampFormatter } from './format-timestamp.ts';
import { DROPBEAR, isSshdProgram, sshdProgramAt } from './sshd-programs.ts';
import { classifyDropbearMessage, mayClassifyDropbearMessage } from './match-dropbear.ts';
import { createAttemptCounter } from './count-attempts.ts';
import { markAttempt } from './mark-attempt.ts';
import { readJournalLine } from './read-journal-line.ts';
import { laterPamFailure, oldPamServiceAt } from './old-pam-tag.ts';
import { readBareProftpdTag } from '../ftp-log/index.ts';
import { createServiceLines } from './service-lines.ts';
import { readSogoOwnLine } from '../sogo/index.ts';
import { readAsaOwnLine, readAsaTaggedMessage } from '../cisco-asa/index.ts';
import { readDeviceRecord } from './device-records.ts';
import type { DeviceRecord } from './device-records.ts';
import { mapDrupalLogin, matchDrupalWatchdog, mayBeDrupalWatchdog } from '../drupal/index.ts';
import {
  accountProgramAt,
  buildAccountEvent,
  buildPamFailureEvent,
  classifyAccountMessage,
  isAccountProgram,
  matchPamServiceFailure,
  mayBePamServiceFailure,
} from '../auth-log/index.ts';

export const NOT_SYSLOG = 'not-syslog';
export { NO_TIMESTAMP, NOT_SSHD };

export interface SshdParserOptions extends ParserOptions {
  /**
   * Read every line whole before deciding on it (default false): the plain path the fast one is
   * tested against. The fast path skips lines of other programs and sshd lines no classifier can
   * use before any string is made, and reuses a timestamp the line before had.
   */
  plain?: boolean;
}

/**
 * Parses auth.log's syslog lines (or journald's `journalctl -o json` export) into events: OpenSSH's
 * and Dropbear's authentication lines, and (../auth-log) sudo's, su's and the account tools' lines
 * and other services' PAM authentication failures. Skip reasons: `not-syslog`, `not-sshd` (another
 * program), `sshd-not-auth` (an SSH server's line that says nothing about an attempt),
 * `malformed-sshd-message` (an authentication message whose user, address or port is garbled),
 * `account-line-unused` and `malformed-account-line` (the same for sudo, su, useradd, ...) and
 * `syslog-without-time`.
 */
export function createSshdParser(options: SshdParserOptions): LineParser {
  const years = createYearResolver(options);
  const zoneless = zonelessTimeIn(options.timeZone);
  const parts = createSyslogParts(true);
  const formatTimestamp = createTimestampFormatter();
  const countsAsAttempt = createAttemptCounter();
  const services = createServiceLines();
  // The last line used, for sysklogd's "last message repeated N times", which repeats whatever line
  // came just before; kept in place rather than as an object per line (events copy what they take).
  const last: SshdHeader = { hostname: undefined, program: undefined, pid: undefined };
  let lastMessage = '';
  let lastAuth: SshdAuth | undefined;

  function emitRepeats(time: number, original: string, count: number, emit: Emit): void {
    const timestamp = formatTimestamp(time);
    const auth = lastAuth as SshdAuth;
    for (let index = 0; index < count; index++) {
      emit(buildSshdEvent(last, original, lastMessage, timestamp, auth), time);
    }
  }

  /** Reads an RFC 3164 line's header in place and skips it unsliced if no sshd rule can use it. */
  function parseLineFast(line: string, emit: Emit): string | null {
    if (line.charCodeAt(0) === 123 /* { */) return useLine(readJournalLine(line), line, emit);
    const kind = scanSyslogLine(line, years, parts);
    if (kind === RFC5424) return useLine(parseSyslogLine(line, years), line, emit);
    if (kind === RFC3164 && parts.programStart < 0) return useLine(buildRfc3164Line(line, parts), line, emit);
    const program = kind === RFC3164 ? sshdProgramAt(line, parts.programStart, parts.programEnd) : undefined;
    let skip: string | undefined;
    if (kind === NO_SYSLOG) return useLine(undefined, line, emit);
    else if (program === undefined) {
      const account = accountProgramAt(line, parts.programStart, parts.programEnd);
      if (
        account !== undefined ||
        mayBePamServiceFailure(line, parts.messageStart) ||
        services.isServiceAt(line, parts.programStart, parts.programEnd) ||
        mayBeDrupalWatchdog(line, parts.messageStart)
      ) {
        const name = account ?? line.slice(parts.programStart, parts.programEnd);
        const message = line.slice(parts.messageStart, parts.end);
        return useOtherProgram(
          parts.timestamp,
          rfc3164Host(line, parts),
          name,
          parts.pid,
          message,
          line,
          emit,
        );
      }
      const service = oldPamServiceAt(line, parts.programStart, parts.programEnd);
      if (service !== undefined) {
        const message = line.slice(parts.messageStart, parts.end);
        return useOldPamLine(
          parts.timestamp,
          rfc3164Host(line, parts),
          service,
          parts.pid,
          message,
          line,
          emit,
        );
      }
      skip = NOT_SSHD;
    } else if (!mayConcernAuth(line, parts.messageStart, program)) skip = NOT_AUTH;
    else {
      const message = line.slice(parts.messageStart, parts.end);
      return useMessage(parts.timestamp, rfc3164Host(line, parts), program, parts.pid, message, line, emit);
    }
    lastAuth = undefined;
    return skip;
  }

  function parseLinePlain(line: string, emit: Emit): string | null {
    const syslog = line.charCodeAt(0) === 123 /* { */ ? readJournalLine(line) : parseSyslogLine(line, years);
    return useLine(syslog, line, emit);
  }

  function useLine(syslog: SyslogLine | undefined, line: string, emit: Emit): string | null {
    if (syslog === undefined) {
      lastAuth = undefined;
      const asa = readAsaOwnLine(line);
      if (asa === undefined) return NOT_SYSLOG;
      return useOtherProgram(zoneless(asa.time), undefined, asa.tag, undefined, asa.message, line, emit);
    }
    if (syslog.program === undefined) {
      const proftpd = readBareProftpdTag(syslog.message);
      if (proftpd !== undefined) {
        const { timestamp, hostname } = syslog;
        return useOtherProgram(timestamp, hostname, 'proftpd', proftpd.pid, proftpd.rest, line, emit);
      }
      const sogo = readSogoOwnLine(syslog.hostname, syslog.message);
      if (sogo !== undefined)
        return useOtherProgram(syslog.timestamp, undefined, 'sogod', sogo.pid, sogo.rest, line, emit);
      const asa = readAsaTaggedMessage(syslog.message);
      if (asa !== undefined) {
        const { timestamp, hostname } = syslog;
        return useOtherProgram(timestamp, hostname, asa.tag, undefined, asa.message, line, emit);
      }
      const device = readDeviceRecord(syslog.message);
      if (device !== undefined) return useDeviceRecord(device, syslog.timestamp, line, emit);
      const before = lastAuth;
      lastAuth = undefined;
      const count = before && readLastMessageRepeated(syslog.message);
      if (!before || count === undefined || Number.isNaN(syslog.timestamp)) return NOT_SSHD;
      lastAuth = before;
      emitRepeats(syslog.timestamp, line, count, emit);
      lastAuth = undefined;
      return null;
    }
    if (!isSshdProgram(syslog.program)) {
      const { timestamp, hostname, program, pid, message } = syslog;
      const service = oldPamServiceAt(program, 0, program.length);
      if (service !== undefined) return useOldPamLine(timestamp, hostname, service, pid, message, line, emit);
      if (
        isAccountProgram(program) ||
        mayBePamServiceFailure(message, 0) ||
        services.isServiceAt(program, 0, program.length) ||
        mayBeDrupalWatchdog(message, 0)
      )
        return useOtherProgram(timestamp, hostname, program, pid, message, line, emit);
      lastAuth = undefined;
      return NOT_SSHD;
    }
    const { timestamp, hostname, program, pid, message } = syslog;
    return useMessage(timestamp, hostname, program, pid, message, line, emit);
  }

  /**
   * A firewall's record behind a syslog server's header (see device-records.ts): at its own time where
   * it names its offset, else at the header's (read in the parser's year and zone).
   */
  function useDeviceRecord(device: DeviceRecord, header: number, line: string, emit: Emit): string | null {
    lastAuth = undefined;
    if (typeof device === 'string') return device;
    const { record } = device;
    if (!record.zoned) {
      if (Number.isNaN(header)) return NO_TIMESTAMP;
      record.time = header;
    }
    emit(device.toEvent(line), record.time);
    return null;
  }

  /** A line under an old `SERVICE(pam_unix)` tag: its failures read as the later PAM form would be. */
  function useOldPamLine(
    time: number,
    hostname: string | undefined,
    service: string,
    pid: number | undefined,
    message: string,
    line: string,
    emit: Emit,
  ): string | null {
    const sshd = isSshdProgram(service);
    const failure = laterPamFailure(service, message);
    if (failure === undefined) {
      lastAuth = undefined;
      return sshd ? NOT_AUTH : NOT_SSHD;
    }
    return sshd
      ? useMessage(time, hostname, service, pid, failure, line, emit, true)
      : useOtherProgram(time, hostname, service, pid, failure, line, emit);
  }

  /**
   * An sshd line's message: the events it stands for, or why it stands for none. `pamLeads`: the
   * line is under an old `sshd(pam_unix)` tag, whose failure is the attempt where sshd's own Failed
   * line went to another file (see count-attempts.ts).
   */
  function useMessage(
    time: number,
    hostname: string | undefined,
    program: string,
    pid: number | undefined,
    text: string,
    line: string,
    emit: Emit,
    pamLeads = false,
  ): string | null {
    lastAuth = undefined;
    if (Number.isNaN(time)) return NO_TIMESTAMP;
    let message = stripSolarisTag(text);
    let count = 1;
    const repeated = unwrapRepeated(message);
    if (repeated !== undefined) {
      if (repeated.count === 0) return MALFORMED;
      count = repeated.count;
      message = repeated.message;
    }
    const auth = program === DROPBEAR ? classifyDropbearMessage(message) : classifySshdMessage(message);
    if (typeof auth === 'string') return auth;
    if (pamLeads && auth.action === 'ssh_pam_auth_failure') auth.role = 'leading';
    const counted = countsAsAttempt(auth, hostname, pid, time);
    // A close before authentication ends a scanner's connection, and before OpenSSH 7.5 a guesser's.
    if (auth.action === 'ssh_closed_before_auth' && !counted) return NOT_AUTH;
    markAttempt(auth, counted);
    last.hostname = hostname;
    last.program = program;
    last.pid = pid;
    lastMessage = message;
    lastAuth = auth;
    emitRepeats(time, line, count, emit);
    return null;
  }

  /**
   * A line of another program than the SSH servers' (see ../auth-log): sudo's, su's, useradd's, ...,
   * PAM's report of a failed password for a service, or a login to another service (mail, FTP,
   * databases, ...: service-lines.ts). Its events, or why none.
   */
  function useOtherProgram(
    time: number,
    hostname: string | undefined,
    program: string,
    pid: number | undefined,
    message: string,
    line: string,
    emit: Emit,
  ): string | null {
    lastAuth = undefined;
    const header = { hostname, program, pid };
    if (isAccountProgram(program)) {
      if (Number.isNaN(time)) return NO_TIMESTAMP;
      const facts = classifyAccountMessage(program, message);
      if (typeof facts === 'string') return facts;
      emit(buildAccountEvent(header, line, message, formatTimestamp(time), facts), time);
      return null;
    }
    const service = services.read({ header, line, message, time }, formatTimestamp);
    if (typeof service === 'string') return service;
    if (service !== undefined) {
      for (const event of service) emit(event, time);
      return null;
    }
    const found = matchPamServiceFailure(message);
    if (found === undefined) return useDrupalLine(time, hostname, message, line, emit);
    if (Number.isNaN(time)) return NO_TIMESTAMP;
    emit(buildPamFailureEvent(header, line, message, formatTimestamp(time), found), time);
    return null;
  }

  /** Drupal's syslog line, whatever its program name (the site's): see matchDrupalWatchdog. */
  function useDrupalLine(
    time: number,
    hostname: string | undefined,
    message: string,
    line: string,
    emit: Emit,
  ): string | null {
    const login = matchDrupalWatchdog(message);
    if (login === undefined) return NOT_SSHD;
    if (Number.isNaN(time)) return NO_TIMESTAMP;
    emit(mapDrupalLogin(line, login, time, hostname), time);
    return null;
  }

  return {
    parseLine: options.plain === true ? parseLinePlain : parseLineFast,
    notes() {
      const decision = years.describeDecision();
      return decision === undefined ? [] : [decision];
    },
  };
}

/** Whether the message at `start` may be one its classifier reads (wrapped ones may). */
function mayConcernAuth(line: string, start: number, program: string): boolean {
  return (
    (program === DROPBEAR ? mayClassifyDropbearMessage(line, start) : mayClassifySshdMessage(line, start)) ||
    line.startsWith(REPEATED_PREFIX, start) ||
    line.startsWith(SOLARIS_TAG, start)
  );
}

const SOLARIS_TAG = '[ID ';

/** Solaris prefixes messages with a message id and facility: `[ID 800047 auth.info] Failed ...`. */
function stripSolarisTag(message: string): string {
  if (!message.startsWith(SOLARIS_TAG)) return message;
  const end = message.indexOf('] ', 4);
  return end > 0 && end < 40 ? message.slice(end + 2) : message;
}

type Emit = (event: SecurityEvent, ts: number) => void;
