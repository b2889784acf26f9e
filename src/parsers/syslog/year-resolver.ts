import { zonelessTimeIn, type ZonelessTime } from '../../core/index.ts';

/**
 * Chooses the year of RFC 3164 timestamps, which carry none. Calls come in log order.
 * - Given a year, it starts there and moves to the next year when the month jumps backwards by
 *   more than half a year (Dec → Jan); a December line right after such a move stays in the old year.
 * - Given a reference time (the file's mtime), each date gets the latest year that puts it no more than
 *   a day after the reference, so a December log read in January lands in December of last year.
 */
export interface YearResolver {
  /**
   * `month` is 0–11, `msOfDay` the time of day in milliseconds. Asked the same again right after, it
   * gives the same year and changes nothing: a scanner may skip asking for a repeated timestamp.
   */
  resolveYear(month: number, day: number, msOfDay: number): number;
  /** How the year was chosen, when it was inferred and some line needed it; else undefined. */
  describeDecision(): string | undefined;
  /** The zone, which such timestamps do not carry either: the instant of a time read as UTC. */
  zoneless: ZonelessTime;
}

export interface YearResolverOptions {
  /** The year of the first line; takes precedence over referenceTime. */
  year?: number;
  /** Epoch ms the input was last written (file mtime). */
  referenceTime?: number;
  /** Name of the input for the note, e.g. `/var/log/auth.log`. */
  inputName?: string;
  /** Current time, used when neither year nor referenceTime is given (default Date.now()). */
  now?: number;
  /** The zone of times written without one (see core/time-zone.ts); default UTC. */
  timeZone?: string;
}

const DAY_MS = 86_400_000;
const HALF_YEAR_MONTHS = 6;

export function createYearResolver(options: YearResolverOptions): YearResolver {
  const zoneless = zonelessTimeIn(options.timeZone);
  if (options.year !== undefined) return { ...createFixedYearResolver(options.year), zoneless };
  const fromFile = options.referenceTime !== undefined;
  const reference = options.referenceTime ?? options.now ?? Date.now();
  const source = fromFile
    ? `from ${options.inputName ? `${baseName(options.inputName)}'s` : "the input's"} modification time`
    : 'from the current date';
  return { ...createInferringYearResolver(reference, source), zoneless };
}

function createFixedYearResolver(firstYear: number): Omit<YearResolver, 'zoneless'> {
  let year = firstYear;
  let lastMonth = -1;
  return {
    resolveYear(month) {
      if (lastMonth - month > HALF_YEAR_MONTHS) {
        year++;
      } else if (year > firstYear && lastMonth === 0 && month === 11) {
        return year - 1; // a late December line just after the new year
      }
      lastMonth = month;
      return year;
    },
    describeDecision: () => undefined,
  };
}

function createInferringYearResolver(reference: number, source: string): Omit<YearResolver, 'zoneless'> {
  const limit = reference + DAY_MS;
  const newestYear = new Date(limit).getUTCFullYear();
  let lowest = Infinity;
  let highest = -Infinity;
  return {
    resolveYear(month, day, msOfDay) {
      let year = newestYear;
      // At most a few steps: one for the limit, up to three more to reach a leap year for Feb 29.
      while (
        Date.UTC(year, month, day) + msOfDay > limit ||
        (month === 1 && day === 29 && !isLeapYear(year))
      ) {
        year--;
      }
      if (year < lowest) lowest = year;
      if (year > highest) highest = year;
      return year;
    },
    describeDecision() {
      if (lowest === Infinity) return undefined;
      const years = lowest === highest ? `${lowest}` : `${lowest}-${highest}`;
      return `year not in the log: inferred ${years} ${source}; pass --year to override`;
    },
  };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash < 0 ? path : path.slice(slash + 1);
}
