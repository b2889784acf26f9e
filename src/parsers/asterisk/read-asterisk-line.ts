import type { NumberOut } from '../syslog/scan-chars.ts';
import { scanBsdTimestamp, scanIsoTimestamp } from '../syslog/parse-timestamps.ts';
import type { YearResolver } from '../syslog/year-resolver.ts';
import { type AsteriskAuthFailure, matchAsteriskAuth } from './match-asterisk-auth.ts';
import { matchFreeswitchAuth } from './match-freeswitch-auth.ts';

/** Not a line of Asterisk's log. */
export const NOT_ASTERISK = 'not-asterisk-log';
/** A line of Asterisk's log that is no refused login. */
export const ASTERISK_LINE_UNUSED = 'asterisk-line-unused';

/**
 * What follows the time: the level, the thread (`NOTICE[1638]`, `NOTICE [1638]`, with a call id
 * `[C-00000fa9]`), the source file (`chan_sip.c`, `chan_sip.c:28468`) and perhaps the function
 * (`handle_request_register:`, `in handle_request_register:`).
 */
const PREFIX =
  /^(?:NOTICE|WARNING|SECURITY|ERROR|VERBOSE|DEBUG) ?\[\d{1,10}\](?:\[C-[0-9a-f]{1,16}\])?:? [A-Za-z0-9_/.-]{1,64}\.c(?::\d{1,6})?:?(?: in)?(?: [A-Za-z0-9_]{1,64}:)? /;

/**
 * FreeSWITCH's head after its time (`2023-03-06 15:13:32.685002 `): the CPU idle share it may write,
 * the level and the source file.
 */
const FREESWITCH =
  /^(?:\d{1,3}\.\d{2}% )?\[(?:WARNING|NOTICE|INFO|ERR|DEBUG|CRIT|ALERT|CONSOLE)\] [a-z_]{1,32}\.c:\d{1,6} /;

/** Asterisk's levels, one of which follows the time on every line of its log. */
const LEVEL = /^(?:NOTICE|WARNING|SECURITY|ERROR|VERBOSE|DEBUG|DTMF)\b/;

const scratch: NumberOut = { value: 0 };

/**
 * A line of Asterisk's own log (`/var/log/asterisk/messages`: `[2012-02-13 17:21:54] NOTICE[1638]
 * chan_sip.c: ...`, or `[Mar 27 10:06:14] ...` without the year), or FreeSWITCH's
 * (`freeswitch.log`: `2023-03-06 15:13:32.685002 [WARNING] sofia_reg.c:3223 ...`): its refused
 * login, or why none.
 */
export function readAsteriskLine(
  line: string,
  years: YearResolver,
): (AsteriskAuthFailure & { time: number }) | string {
  if (line.charCodeAt(0) !== 91 /* [ */) return readFreeswitchLine(line, years);
  const first = line.charCodeAt(1);
  const end =
    first >= 48 && first <= 57
      ? scanIsoTimestamp(line, 1, scratch, true, years.zoneless)
      : scanBsdTimestamp(line, 1, years, scratch);
  if (end < 0 || line.charCodeAt(end) !== 93 /* ] */ || line.charCodeAt(end + 1) !== 32) return NOT_ASTERISK;
  const time = scratch.value;
  // Other logs start with a bracketed time too (paperless-ngx's `[...] [INFO] [paperless.auth]`).
  if (!LEVEL.test(line.slice(end + 2, end + 12))) return NOT_ASTERISK;
  const found = readAsteriskMessage(line.slice(end + 2));
  if (found === undefined) return ASTERISK_LINE_UNUSED;
  return { ...found, time };
}

/**
 * The dialplan's Log() application writes the extension where a source file would be: `WARNING[6756]
 * [C-0000001d] Ext. s: "TEXT"` (FreePBX's refusals of anonymous calls).
 */
const LOG_APP_PREFIX =
  /^(?:NOTICE|WARNING|SECURITY|ERROR|VERBOSE) ?\[\d{1,10}\](?:\[C-[0-9a-f]{1,16}\])?:? (?=Ext\. )/;

/** The refused login of what follows the time (or the syslog tag), if any. */
export function readAsteriskMessage(text: string): AsteriskAuthFailure | undefined {
  const prefix = PREFIX.exec(text) ?? LOG_APP_PREFIX.exec(text);
  return prefix === null ? undefined : matchAsteriskAuth(text.slice(prefix[0].length));
}

/** FreeSWITCH's own time at the start of its syslog message, which the header's stands for. */
const INNER_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? /;

/**
 * FreeSWITCH's line as its syslog message (`freeswitch[PID]: 2016-09-25 18:57:58.150982 [WARNING]
 * sofia_reg.c:2889 ...`): its refused login, or undefined. The syslog header's time is the event's.
 */
export function readFreeswitchMessage(message: string): AsteriskAuthFailure | undefined {
  const time = INNER_TIME.exec(message);
  const found = readFreeswitchRest(time === null ? message : message.slice(time[0].length));
  return typeof found === 'string' ? undefined : found;
}

function readFreeswitchLine(
  line: string,
  years: YearResolver,
): (AsteriskAuthFailure & { time: number }) | string {
  const first = line.charCodeAt(0);
  if (first < 48 || first > 57) return NOT_ASTERISK;
  const end = scanIsoTimestamp(line, 0, scratch, true, years.zoneless);
  if (end < 0 || line.charCodeAt(end) !== 32) return NOT_ASTERISK;
  const time = scratch.value;
  const found = readFreeswitchRest(line.slice(end + 1));
  return typeof found === 'string' ? found : { ...found, time };
}

/** What follows FreeSWITCH's time: its refused login, or why none. */
function readFreeswitchRest(rest: string): AsteriskAuthFailure | string {
  const head = FREESWITCH.exec(rest);
  if (head === null) return NOT_ASTERISK;
  return matchFreeswitchAuth(rest.slice(head[0].length)) ?? ASTERISK_LINE_UNUSED;
}
