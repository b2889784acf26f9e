import {
  matchEximAuth,
  matchSmtpRefusal,
  type MailAuthFailure,
  type SmtpRefusal,
} from '../mail-log/index.ts';
import type { SshdHeader } from '../sshd/build-sshd-event.ts';
import { utcMillis } from '../utc-millis.ts';

/** A refused SMTP AUTH that a line of Exim's main log reports, with the line's time and process. */
export interface EximAuthLine {
  /** Epoch ms. */
  time: number;
  /** Whether the line wrote its zone (`log_timezone`); else the time is read as UTC. */
  zoned: boolean;
  header: SshdHeader;
  /** The message after the time and process id. */
  message: string;
  failure: MailAuthFailure;
}

/**
 * A recipient Exim refused (a relay, an unknown local recipient) or a connection without mail, with
 * the line's time and process.
 */
export interface EximRejectLine extends Omit<EximAuthLine, 'failure'> {
  rejection: SmtpRefusal;
}

/** Not a line of Exim's main log. */
export const NOT_EXIM = 'not-exim-main-log';
/** A line of the main log that reports no refused login. */
export const EXIM_LINE_UNUSED = 'exim-line-unused';

/**
 * The main log's head: the time (`+millisec` adds milliseconds, `log_timezone` the zone), the
 * process id of `+pid`, and the `HOST exim[PID]: ` that some set-ups write after an ISO time.
 */
const HEAD =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?(?: ([+-])(\d\d)(\d\d))? (?:\[(\d{1,10})(?:\/\d{1,10})?\] )?(?:([A-Za-z0-9_.-]{1,255}) (exim4?)\[(\d{1,10})\]: )?/;

/**
 * How Exim's own messages begin, for telling its log from others with the same time: a message id
 * (6-6-2 characters, 4.97's 6-11-4), connections, hosts, queue runs, the daemon, refused logins.
 */
const EXIM_MESSAGE =
  /^(?:[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} |SMTP |H=|[A-Za-z0-9_.-]{1,64} authenticator failed for |(?:Start|End) queue run|exim \d|no (?:host name|IP address) found |TLS error on |Connection from |unexpected disconnection |no MAIL in SMTP connection |rejected [A-Z]+ )/;

/** The time, the process and the message of a main log line, or undefined when it has no head. */
function readHead(line: string): Omit<EximAuthLine, 'failure'> | undefined {
  const head = HEAD.exec(line);
  if (head === null) return undefined;
  const n = (index: number) => Number(head[index]);
  let time = utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), head[7] === undefined ? 0 : n(7));
  if (Number.isNaN(time)) return undefined;
  if (head[8] !== undefined) {
    const offset = (n(9) * 60 + n(10)) * 60_000;
    time += head[8] === '+' ? -offset : offset;
  }
  const pid = head[14] ?? head[11];
  return {
    time,
    zoned: head[8] !== undefined,
    header: {
      hostname: head[12],
      program: head[13] ?? 'exim',
      pid: pid === undefined ? undefined : Number(pid),
    },
    message: line.slice(head[0].length),
  };
}

/**
 * A line of Exim's main log: the refused SMTP AUTH, refused recipient or connection without mail it
 * reports, or why it reports none.
 */
export function readEximLine(line: string): EximAuthLine | EximRejectLine | string {
  const head = readHead(line);
  if (head === undefined) return NOT_EXIM;
  const failure = matchEximAuth(head.message);
  if (failure !== undefined) return { ...head, failure };
  const rejection = matchSmtpRefusal('exim', head.message);
  return rejection === undefined ? EXIM_LINE_UNUSED : { ...head, rejection };
}

/** Whether a line reads as one of Exim's main log (for telling the format from others). */
export function looksLikeEximLine(line: string): boolean {
  const head = readHead(line);
  return head !== undefined && (head.header.hostname !== undefined || EXIM_MESSAGE.test(head.message));
}
