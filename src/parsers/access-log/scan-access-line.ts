/** The fields of one Common or Combined Log Format line, as written (`-` kept). */
export interface AccessLine {
  host: string;
  user: string;
  /** Epoch ms, or NaN when the bracketed time is garbled. */
  time: number;
  request: string;
  status: number;
  /** undefined for `-`. */
  bytes: number | undefined;
  referrer: string | undefined;
  userAgent: string | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads `HOST IDENT USER [DD/Mon/YYYY:HH:MM:SS +ZZZZ] "REQUEST" STATUS BYTES` (Common Log Format),
 * optionally followed by `"REFERER" "USER-AGENT"` (Combined; nginx's default) and anything else (extra
 * fields some configurations add). Quoted fields may hold `\"`. Undefined when the line is not one.
 */
export function scanAccessLine(line: string): AccessLine | undefined {
  const header = SYSLOG_HEADER.exec(line);
  return (header !== null && scanUnwrapped(line.slice(header[0].length))) || scanUnwrapped(line);
}

/**
 * A syslog header before the line (`Sep 15 16:13:46 web-1 nginx[2869]: `, also ISO and with a PRI),
 * as nginx's and Apache's `syslog:` targets and a forwarded file write it. Left on, it would be read
 * as the client (`Sep`) and a user (everything up to the bracketed time).
 */
const SYSLOG_HEADER =
  /^(?:<\d{1,3}>)?(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) (?:\S{1,255} )?[^\s:[\]]{1,64}(?:\[\d{1,10}\])?: /;

function scanUnwrapped(line: string): AccessLine | undefined {
  const hostEnd = line.indexOf(' ');
  const identEnd = hostEnd < 1 ? -1 : line.indexOf(' ', hostEnd + 1);
  const timeStart = identEnd < 0 ? -1 : line.indexOf(' [', identEnd);
  if (timeStart < identEnd + 1) return undefined;
  const timeEnd = line.indexOf('] "', timeStart);
  if (timeEnd < 0) return undefined;
  const request = readQuoted(line, timeEnd + 2);
  if (request === undefined) return undefined;
  const rest = line.slice(request.end + 1);
  // SOGo's log writes the sizes of the response and of the request: `403 34/38`.
  const numbers = /^ (\d{3}) (\d{1,15}|-)(?:\/\d{1,15})?(?=$| )/.exec(rest);
  if (numbers === null) return undefined;
  let cursor = request.end + 1 + numbers[0].length;
  const referrer = line.startsWith(' "', cursor) ? readQuoted(line, cursor + 1) : undefined;
  if (referrer !== undefined) cursor = referrer.end + 1;
  const agent =
    referrer !== undefined && line.startsWith(' "', cursor) ? readQuoted(line, cursor + 1) : undefined;
  return {
    host: line.slice(0, hostEnd),
    user: line.slice(identEnd + 1, timeStart),
    time: parseClfTime(line.slice(timeStart + 2, timeEnd)),
    request: request.value,
    status: Number(numbers[1]),
    bytes: numbers[2] === '-' ? undefined : Number(numbers[2]),
    referrer: referrer === undefined || referrer.value === '-' ? undefined : referrer.value,
    userAgent: agent === undefined || agent.value === '-' ? undefined : agent.value,
  };
}

/** The quoted string opening at `start` (a `"`), unescaping `\"` and `\\`; end is the closing quote. */
function readQuoted(line: string, start: number): { value: string; end: number } | undefined {
  if (line.charCodeAt(start) !== 34) return undefined;
  let value = '';
  let from = start + 1;
  for (let index = from; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code === 92 /* \ */ && index + 1 < line.length) {
      const next = line[index + 1];
      if (next === '"' || next === '\\') {
        value += line.slice(from, index) + next;
        from = index + 2;
        index++;
      }
    } else if (code === 34) {
      return { value: value + line.slice(from, index), end: index };
    }
  }
  return undefined;
}

/** `10/Oct/2000:13:55:36 -0700` → epoch ms; NaN when garbled. */
export function parseClfTime(text: string): number {
  // SOGo's log writes its times in GMT by name: `24/Mar/2013:08:58:32 GMT`.
  const match =
    /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2})|GMT)$/.exec(text);
  if (match === null) return Number.NaN;
  const [, day, month, year, hour, minute, second, sign, offsetHours, offsetMinutes] =
    match as unknown as string[];
  const monthIndex = MONTHS.indexOf(month as string);
  const local = Date.UTC(Number(year), monthIndex, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(local);
  if (monthIndex < 0 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59) {
    return Number.NaN;
  }
  if (sign === undefined) return local;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return sign === '+' ? local - offset : local + offset;
}
