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
 * none. 9's `Failed to authenticate request` counts for its password form (`client=auth.client.form`)
 * only. Values are quoted and escaped, so nothing the client sent ends one early.
 */
export function readGrafanaLine(line: string): GrafanaFailure | string {
  const fields = readLogfmt(line);
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

export const grafanaParser: ParserDefinition = {
  format: 'grafana',
  description: "Grafana's log (logfmt): refused logins",
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
