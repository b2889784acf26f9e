import type { LineParser, ParserDefinition } from '../parser.ts';
import { mapAccessEvent } from '../access-log/index.ts';
import type { AccessLine } from '../access-log/scan-access-line.ts';
import { utcMillis } from '../utc-millis.ts';
import { clientBehindProxies } from '../app-log/client-behind-proxies.ts';

/** Not a line of an IIS log. */
export const NOT_IIS_LOG = 'not-iis-log';
/** A directive (`#Software`, `#Fields`, ...): not a request. */
export const IIS_DIRECTIVE = 'iis-directive';
/** A line whose fields the last `#Fields` directive does not describe (nor a default layout). */
export const IIS_FIELDS_UNKNOWN = 'iis-fields-unknown';

/** IIS 8.5's and later default fields, and IIS 7.5's (no Referer), for a file read from its middle. */
const DEFAULT_FIELDS = [
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
].map((fields) => fields.split(' '));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
const METHOD = /^[A-Z][A-Z-]{0,19}$/;
const STATUS = /^[1-5]\d\d$/;

/** The fields of one request, by the names of the `#Fields` directive; `-` is none. */
type Fields = ReadonlyMap<string, string>;

/**
 * One request of an IIS log (W3C Extended Log File Format, `u_ex240304.log`), as the access-log
 * parser's: the client from `c-ip` (behind a load balancer, from the X-Forwarded-For custom field as
 * clientOf reads it), the user IIS authenticated (`cs-username`), the time in UTC,
 * the method, `cs-uri-stem` and `cs-uri-query`, the status, bytes sent, Referer and User-Agent (IIS
 * writes a space in a value as `+`). Undefined when a field the request needs is missing or garbled.
 */
function accessLineOf(fields: Fields): AccessLine | undefined {
  const date = DATE.exec(fields.get('date') ?? '');
  const clock = TIME.exec(fields.get('time') ?? '');
  const method = fields.get('cs-method');
  const stem = fields.get('cs-uri-stem');
  const status = fields.get('sc-status');
  const client = clientOf(fields);
  if (date === null || clock === null || method === undefined || !METHOD.test(method)) return undefined;
  if (stem === undefined || status === undefined || !STATUS.test(status) || client === undefined)
    return undefined;
  const n = (match: RegExpExecArray, index: number) => Number(match[index]);
  const time = utcMillis(
    n(date, 1),
    n(date, 2),
    n(date, 3),
    n(clock, 1),
    n(clock, 2),
    n(clock, 3),
    Number((clock[4] ?? '').padEnd(3, '0')),
  );
  const query = value(fields, 'cs-uri-query');
  const version = value(fields, 'cs-version');
  const bytes = value(fields, 'sc-bytes');
  return {
    host: client,
    user: value(fields, 'cs-username') ?? '-',
    time,
    request: `${method} ${stem}${query === undefined ? '' : `?${query}`}${version === undefined ? '' : ` ${version}`}`,
    status: Number(status),
    bytes: bytes !== undefined && /^\d{1,15}$/.test(bytes) ? Number(bytes) : undefined,
    referrer: spaced(value(fields, 'cs(Referer)')),
    userAgent: spaced(value(fields, 'cs(User-Agent)')),
  };
}

/**
 * The client: `c-ip`, the address IIS's socket saw, unless it does not route (a load balancer in
 * front) and the log has an X-Forwarded-For custom field; then that chain read from the right, past
 * the addresses that do not route (see clientBehindProxies), so that what a client writes into its
 * own X-Forwarded-For is never taken for it.
 */
function clientOf(fields: Fields): string | undefined {
  const socket = fields.get('c-ip');
  if (socket === undefined) return undefined;
  const forwarded = [...fields].find(([name]) => name.toLowerCase() === 'x-forwarded-for')?.[1];
  if (forwarded === undefined || forwarded === '-') return socket;
  // IIS writes the header's spaces as `+`.
  return clientBehindProxies([...forwarded.replaceAll('+', ' ').split(','), socket]) ?? socket;
}

function value(fields: Fields, name: string): string | undefined {
  const text = fields.get(name);
  return text === undefined || text === '-' ? undefined : text;
}

/** IIS writes a space inside a value as `+`. */
function spaced(text: string | undefined): string | undefined {
  return text?.replaceAll('+', ' ');
}

/** A line's values under `names`, or undefined when their counts differ. */
function fieldsOf(line: string, names: readonly string[] | undefined): Fields | undefined {
  const values = line.split(' ');
  // Before any #Fields directive: the default layout whose field count the line has.
  const named = names ?? DEFAULT_FIELDS.find((fields) => fields.length === values.length);
  if (named === undefined || values.length !== named.length) return undefined;
  return new Map(named.map((name, i) => [name, values[i] as string]));
}

function looksLikeIisLine(line: string): boolean {
  if (line.startsWith('#Fields: ') || line.startsWith('#Software: Microsoft Internet Information Services'))
    return true;
  const fields = fieldsOf(line, undefined);
  return fields !== undefined && accessLineOf(fields) !== undefined;
}

export const iisParser: ParserDefinition = {
  format: 'iis',
  description: "Microsoft IIS's W3C extended log (u_exYYMMDD.log): requests, as an access log's",
  sniff: (sample) => {
    const lines = sample.filter((line) => line.trim() !== '');
    return lines.length === 0 ? 0 : lines.filter(looksLikeIisLine).length / lines.length;
  },
  create: () => createIisParser(),
};

/**
 * Reads the fields of each line by the last `#Fields:` directive (IIS writes one at the top of each
 * file and again when its logging changes), by a default layout until one is seen.
 */
function createIisParser(): LineParser {
  let names: string[] | undefined;
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (text.startsWith('#')) {
        if (text.startsWith('#Fields: ')) names = text.slice('#Fields: '.length).trim().split(/\s+/);
        return IIS_DIRECTIVE;
      }
      if (!/^\d{4}-/.test(text)) return NOT_IIS_LOG;
      const fields = fieldsOf(text, names);
      if (fields === undefined) return IIS_FIELDS_UNKNOWN;
      const access = accessLineOf(fields);
      if (access === undefined || Number.isNaN(access.time)) return NOT_IIS_LOG;
      const event = mapAccessEvent(text, access, new Date(access.time).toISOString());
      event.event.module = 'iis';
      if (isOwaLogonRetry(event)) markOwaLoginFailure(event);
      emit(event, access.time);
      return null;
    },
    notes: () => [],
  };
}

/**
 * Outlook on the web (Exchange's OWA) answers a refused user name or password by sending the browser
 * back to its logon page with `reason=2`: `GET /owa/auth/logon.aspx?...reason=2...` (its accepted
 * logins go on to `/owa/`, and `reason=0` is a signed-out session).
 */
function isOwaLogonRetry(event: ReturnType<typeof mapAccessEvent>): boolean {
  const url = event.url as { path?: string; query?: string } | undefined;
  return (
    url?.path?.toLowerCase() === '/owa/auth/logon.aspx' &&
    url.query !== undefined &&
    /(?:^|&)reason=2(?:&|$)/.test(url.query)
  );
}

/**
 * The logon page shown again for a refused password, as an application's failed login (`login`,
 * failure, `service.name: owa`), which app-login-failures-source counts per address at 20, as for
 * an application behind a gateway: Exchange often sits behind a load balancer, whose address IIS
 * logs for every client unless the log has X-Forwarded-For. OWA names no user in it (the user is in the POST before).
 */
function markOwaLoginFailure(event: ReturnType<typeof mapAccessEvent>): void {
  event.event.category = ['authentication', 'web'];
  event.event.action = 'login';
  event.event.outcome = 'failure';
  event.event.reason = 'logon page shown again with reason=2 (user name or password refused)';
  event.service = { name: 'owa' };
}
