import { READ_AS_UTC, type ZonelessTime } from '../../core/index.ts';
import type { YearResolver } from './year-resolver.ts';
import { COLON, digitAt, SPACE, twoDigitsAt, type NumberOut } from './scan-chars.ts';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthKey = (a: number, b: number, c: number): number => (a << 16) | (b << 8) | c;
const MONTHS = new Map<number, number>(
  MONTH_NAMES.map((name, index) => [
    monthKey(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2)),
    index,
  ]),
);

/**
 * Scans `hh:mm:ss[.fraction]` (or `,fraction`) at `start`. Returns the end index and sets `out.value` to the
 * milliseconds since midnight, or returns -1.
 */
export function scanClock(line: string, start: number, out: NumberOut): number {
  const hour = twoDigitsAt(line, start);
  const minute = twoDigitsAt(line, start + 3);
  const second = twoDigitsAt(line, start + 6);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return -1;
  if (line.charCodeAt(start + 2) !== COLON || line.charCodeAt(start + 5) !== COLON) return -1;
  let end = start + 8;
  let ms = 0;
  const point = line.charCodeAt(end);
  // ISO 8601's decimal sign may be a comma, as ProFTPD's own log writes it (`21:59:30,121`).
  if ((point === 46 /* . */ || point === 44) /* , */ && digitAt(line, end + 1) >= 0) {
    end++;
    let scale = 100;
    for (let digit = digitAt(line, end); digit >= 0; digit = digitAt(line, ++end)) {
      ms += digit * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  out.value = ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  return end;
}

/**
 * The month (0–11), day, milliseconds of the day and year (-1: none written) scanMonthDayClock read
 * last.
 */
const date = { month: 0, day: 0, msOfDay: 0, year: -1 };

/**
 * Scans `Mar 27 13:06:56` (also `Apr  3`, `Apr 3`, `Apr 03`, and `Mar 27 2015 13:06:56`, a year before
 * the time as some syslog daemons and devices write it) into `date`; returns its end, or -1.
 */
function scanMonthDayClock(line: string, start: number, out: NumberOut): number {
  const month = MONTHS.get(
    monthKey(line.charCodeAt(start), line.charCodeAt(start + 1), line.charCodeAt(start + 2)),
  );
  if (month === undefined || line.charCodeAt(start + 3) !== SPACE) return -1;
  let index = start + 4;
  if (line.charCodeAt(index) === SPACE) index++;
  let day = digitAt(line, index++);
  const second = digitAt(line, index);
  if (second >= 0) {
    day = day * 10 + second;
    index++;
  }
  if (day < 1 || day > 31 || line.charCodeAt(index) !== SPACE) return -1;
  date.year = -1;
  const century = twoDigitsAt(line, index + 1);
  const yearOfCentury = twoDigitsAt(line, index + 3);
  // From 1970: Date.UTC reads years 0–99 as 1900–1999.
  if (
    century >= 19 &&
    yearOfCentury >= 0 &&
    line.charCodeAt(index + 5) === SPACE &&
    century * 100 + yearOfCentury >= 1970
  ) {
    date.year = century * 100 + yearOfCentury;
    index += 5;
  }
  const end = scanClock(line, index + 1, out);
  if (end < 0) return -1;
  date.month = month;
  date.day = day;
  date.msOfDay = out.value;
  return end;
}

/**
 * Scans an RFC 3164 timestamp (`Mar 27 13:06:56`, `Apr  3 ...`, also `Apr 3` and `Apr 03`).
 * Returns the end index and sets `out.value` to epoch ms (year and zone from `years`), or returns -1.
 */
export function scanBsdTimestamp(line: string, start: number, years: YearResolver, out: NumberOut): number {
  const end = scanMonthDayClock(line, start, out);
  if (end < 0) return -1;
  const year = date.year >= 0 ? date.year : years.resolveYear(date.month, date.day, date.msOfDay);
  out.value = years.zoneless(Date.UTC(year, date.month, date.day) + date.msOfDay);
  return end;
}

const WEEKDAYS = new Set(
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((name) =>
    monthKey(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2)),
  ),
);

/**
 * Scans C's ctime() form, `Sun Mar  3 10:41:02 2024`, which carries its year but no zone (read by
 * `zoneless`). Returns the end index and sets `out.value` to epoch ms, or returns -1.
 */
export function scanCtimeTimestamp(
  line: string,
  start: number,
  out: NumberOut,
  zoneless: ZonelessTime = READ_AS_UTC,
): number {
  const weekday = monthKey(line.charCodeAt(start), line.charCodeAt(start + 1), line.charCodeAt(start + 2));
  if (!WEEKDAYS.has(weekday) || line.charCodeAt(start + 3) !== SPACE) return -1;
  const end = scanMonthDayClock(line, start + 4, out);
  if (end < 0 || line.charCodeAt(end) !== SPACE) return -1;
  const century = twoDigitsAt(line, end + 1);
  const yearOfCentury = twoDigitsAt(line, end + 3);
  if (century < 0 || yearOfCentury < 0) return -1;
  out.value = zoneless(Date.UTC(century * 100 + yearOfCentury, date.month, date.day) + date.msOfDay);
  return end + 5;
}

/**
 * Scans an ISO 8601 / RFC 3339 timestamp (`2017-03-27T13:06:56.123+02:00`, `...Z`, `...+0200`;
 * without a zone it is read by `zoneless`). Returns the end index and sets `out.value` to epoch ms, or -1.
 * `spaced`: a space may stand for the `T`, as RFC 3339 lets applications write it and macOS's
 * `log show --style syslog` does (`2020-03-23 06:47:42.801612-0700`).
 */
export function scanIsoTimestamp(
  line: string,
  start: number,
  out: NumberOut,
  spaced = false,
  zoneless: ZonelessTime = READ_AS_UTC,
): number {
  const century = twoDigitsAt(line, start);
  const yearOfCentury = twoDigitsAt(line, start + 2);
  const month = twoDigitsAt(line, start + 5);
  const day = twoDigitsAt(line, start + 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  if (line.charCodeAt(start + 4) !== 45 || line.charCodeAt(start + 7) !== 45) return -1;
  const separator = line.charCodeAt(start + 10);
  if (separator !== 84 /* T */ && !(spaced && separator === SPACE)) return -1;
  let end = scanClock(line, start + 11, out);
  if (end < 0) return -1;
  let time = Date.UTC(century * 100 + yearOfCentury, month - 1, day) + out.value;
  const zone = line.charCodeAt(end);
  if (zone === 90 /* Z */) {
    end++;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const hours = twoDigitsAt(line, end + 1);
    const colon = line.charCodeAt(end + 3) === COLON ? 1 : 0;
    const minutes = twoDigitsAt(line, end + 3 + colon);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return -1;
    const offset = (hours * 60 + minutes) * 60_000;
    time += zone === 43 ? -offset : offset;
    end += 5 + colon;
  } else {
    time = zoneless(time);
  }
  out.value = time;
  return end;
}
