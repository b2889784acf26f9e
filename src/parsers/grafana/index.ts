import { isObject, readBoundedJson } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import { createRecordParser, isoRecordTime, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { readLogfmt } from './read-logfmt.ts';

/** Not a line of Grafana's log. */
export const NOT_GRAFANA = 'not-grafana-log';
/** A line of the log that reports no failed login. */
export const GRAFANA_LINE_UNUSED = 'grafana-line-unused';

/** The messages of a refused password: Grafana up to 8, then 9's authn service for its login form. */
const FAILED_MESSAGES = new Set(['Invalid username or password', 'Failed to authenticate request']);

interface GrafanaFailure extends RecordTime {
  ip: string;
  reason: string;
}

/**
 * A line of Grafana's log (logfmt: `t=... lvl=eror msg="Invalid username or password" ...
 * remote_addr=ADDR`, or 8's `logger=... t=... level=error ...`): a refused login, or why it is
 * none; also its JSON form (`{"t":...,"msg":...,"remote_addr":...}`, `log.console.format = json`).
 * 9's `Failed to authenticate request` counts for its password form (`client=auth.client.form`)
 * only. Values are quoted and escaped, so nothing the client sent ends one early.
 */
export function readGrafanaLine(line: string): GrafanaFailure | string {
  const fields = line.charCodeAt(0) === 123 /* { */ ? jsonFields(line) : readLogfmt(line);
  const stamp = fields?.get('t');
  if (fields === undefined || stamp === undefined) return NOT_GRAFANA;
  const time = isoRecordTime(stamp);
  if (Number.isNaN(time.time)) return NOT_GRAFANA;
  const message = fields.get('msg') ?? '';
  if (!FAILED_MESSAGES.has(message)) return GRAFANA_LINE_UNUSED;
  if (message === 'Failed to authenticate request' && fields.get('client') !== 'auth.client.form')
    return GRAFANA_LINE_UNUSED;
  const remote = fields.get('remote_addr') ?? '';
  const ip = normalizeIp(remote.startsWith('[') && remote.endsWith(']') ? remote.slice(1, -1) : remote);
  if (ip === undefined) return GRAFANA_LINE_UNUSED;
  return { ...time, ip, reason: fields.get('error') ?? message };
}

/** A JSON line's string values (numbers as written), as readLogfmt gives a logfmt line's. */
function jsonFields(line: string): Map<string, string> | undefined {
  const parsed = readBoundedJson(line);
  if (!parsed.ok || !isObject(parsed.value)) return undefined;
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed.value))
    if (typeof value === 'string' || typeof value === 'number') fields.set(key, String(value));
  return fields;
}

export const grafanaParser: ParserDefinition = {
  format: 'grafana',
  description: "Grafana's log (logfmt or JSON): refused logins",
  sniff: (sample) => shareOfLines(sample, (line) => readGrafanaLine(line) !== NOT_GRAFANA),
  create: (options) =>
    createRecordParser(
      readGrafanaLine,
      (line, found) =>
        buildAppLoginEvent(
          line,
          { ...found, app: 'grafana', dataset: 'grafana.log', outcome: 'failure', user: undefined },
          found.time,
        ),
      options,
    ),
};
