const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * RFC 3164 timestamp as syslog writes it in /var/log/auth.log: `Mar  4 13:06:56` (day padded with
 * a space, no year). Rendered in UTC: a reader must be told the year and take the zone as UTC.
 */
export function formatSyslogTimestamp(ms: number): string {
  const date = new Date(ms);
  const day = date.getUTCDate();
  return `${MONTHS[date.getUTCMonth()]} ${day < 10 ? ' ' : ''}${day} ${pad2(date.getUTCHours())}:${pad2(
    date.getUTCMinutes(),
  )}:${pad2(date.getUTCSeconds())}`;
}

/** `Mar  4 13:06:56 host sshd[1234]: message`; the pid is left out when undefined (`sudo: ...`). */
export function formatSyslogLine(
  ms: number,
  host: string,
  program: string,
  pid: number | undefined,
  message: string,
): string {
  const tag = pid === undefined ? program : `${program}[${pid}]`;
  return `${formatSyslogTimestamp(ms)} ${host} ${tag}: ${message}`;
}

/** Formats one line for a fixed host: `(ms, program, pid, message) => line`. */
export type SyslogFormatter = (
  ms: number,
  program: string,
  pid: number | undefined,
  message: string,
) => string;

/**
 * Same output as formatSyslogLine, for millions of lines: the `timestamp host ` prefix is
 * formatted once per second rather than once per line.
 */
export function createSyslogFormatter(host: string): SyslogFormatter {
  let cachedSecond = Number.NaN;
  let cachedPrefix = '';
  return (ms, program, pid, message) => {
    const second = Math.floor(ms / 1000);
    if (second !== cachedSecond) {
      cachedSecond = second;
      cachedPrefix = `${formatSyslogTimestamp(ms)} ${host} `;
    }
    return pid === undefined
      ? `${cachedPrefix}${program}: ${message}`
      : `${cachedPrefix}${program}[${pid}]: ${message}`;
  };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
