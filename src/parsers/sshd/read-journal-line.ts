import type { SyslogLine } from '../syslog/index.ts';

/**
 * Reads one record of journald's JSON export (`journalctl -o json`) as a syslog line: MESSAGE (a
 * string, or an array of bytes when it was not UTF-8), SYSLOG_IDENTIFIER or _COMM, _PID or SYSLOG_PID,
 * __REALTIME_TIMESTAMP (µs since the epoch, a decimal string) and _HOSTNAME. Undefined when the line
 * is not such a record; NaN timestamp when it has none.
 */
export function readJournalLine(line: string): SyslogLine | undefined {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const fields = record as Record<string, unknown>;
  const message = readMessage(fields.MESSAGE);
  if (message === undefined) return undefined;
  const pid = Number(text(fields._PID) ?? text(fields.SYSLOG_PID));
  return {
    timestamp: readMicroseconds(fields.__REALTIME_TIMESTAMP),
    priority: undefined,
    hostname: text(fields._HOSTNAME),
    program: text(fields.SYSLOG_IDENTIFIER) ?? text(fields._COMM),
    pid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined,
    msgId: undefined,
    structuredData: undefined,
    message,
  };
}

/** True when a JSON line looks like a journald export record (for sniffing). */
export function looksLikeJournal(line: string): boolean {
  return line.startsWith('{') && line.includes('"__REALTIME_TIMESTAMP"') && line.includes('"MESSAGE"');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function readMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || value.length > 65_536) return undefined;
  if (!value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) return undefined;
  return Buffer.from(value as number[]).toString('utf8');
}

function readMicroseconds(value: unknown): number {
  const digits = text(value);
  if (digits === undefined || !/^\d{1,19}$/.test(digits)) return Number.NaN;
  return Math.floor(Number(digits) / 1000);
}
