import { InvalidArgumentError } from 'commander';
import type { LogLevel } from '../core/index.ts';
import { checkTimeZone, isLogLevel, LOG_LEVELS, parseDuration } from '../core/index.ts';

export function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1970 || year > 9999)
    throw new InvalidArgumentError('expected a year like 2017');
  return year;
}

/** `--timezone`: an IANA name, `local` or an offset (see core/time-zone.ts). */
export function parseTimeZone(text: string): string {
  const problem = checkTimeZone(text);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return text;
}

/** `--timezone`'s help. */
export const TIME_ZONE_HELP =
  "zone of times the logs write without one (syslog, Apache, MySQL, ...): an IANA name such as Europe/Berlin, local (this machine's) or an offset such as +02:00; default UTC";

export function parseTolerance(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new InvalidArgumentError('expected a duration like 2s or 500ms');
  return ms;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseLogLevel(text: string): LogLevel {
  const level = text.trim().toLowerCase();
  if (!isLogLevel(level)) throw new InvalidArgumentError(`expected one of ${LOG_LEVELS.join(', ')}`);
  return level;
}

/** `--threads`: a whole number of reading threads from 1 (the main thread alone) to 64, or `auto`. */
export function parseThreads(text: string): number | 'auto' {
  if (text.trim().toLowerCase() === 'auto') return 'auto';
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    throw new InvalidArgumentError('expected auto or a whole number of threads from 1 to 64');
  return threads;
}
