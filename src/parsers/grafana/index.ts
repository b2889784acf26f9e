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
/** The request's answer to a failed login the authn service's line already told, or the other way round. */
export const GRAFANA_LINE_REPEATED = 'grafana-line-repeated';

/** The authn service's line of a refused password (9 on): `client=auth.client.form`. */
const AUTHN_FAILED = 'Failed to authenticate request';
/** The answer to a refused password, as the request's logger writes it: up to 9, and 10 on (`Unauthorized`). */
const ANSWER_MESSAGES = new Set(['Invalid username or password', 'Unauthorized']);
/** 10's `Unauthorized` answers many requests; its error says when a password was refused. */
const PASSWORD_REFUSED = '[password-auth.failed]';

interface GrafanaFailure extends RecordTime {
  ip: string;
  reason: string;
  /** Which of the two lines Grafana may write for one refused password this is. */
  line: 'authn' | 'answer';
}

/**
 * A line of Grafana's log (logfmt: `t=... lvl=eror msg="Invalid username or password" ...
 * remote_addr=ADDR`, or 8's `logger=... t=... level=error ...`): a refused login, or why it is
 * none; also its JSON form (`{"t":...,"msg":...,"remote_addr":...}`, `log.console.format = json`).
 * 9's `Failed to authenticate request` counts for its password form (`client=auth.client.form`)
 * only, and 10's `msg=Unauthorized` when its error is `[password-auth.failed] ...`. Values are
 * quoted and escaped, so nothing the client sent ends one early.
 */
export function readGrafanaLine(line: string): GrafanaFailure | string {
  const fields = line.charCodeAt(0) === 123 /* { */ ? jsonFields(line) : readLogfmt(line);
  const stamp = fields?.get('t');
  if (fields === undefined || stamp === undefined) return NOT_GRAFANA;
  const time = isoRecordTime(stamp);
  if (Number.isNaN(time.time)) return NOT_GRAFANA;
  const message = fields.get('msg') ?? '';
  const error = fields.get('error');
  const kind = message === AUTHN_FAILED ? 'authn' : ANSWER_MESSAGES.has(message) ? 'answer' : undefined;
  if (kind === undefined) return GRAFANA_LINE_UNUSED;
  if (kind === 'authn' && fields.get('client') !== 'auth.client.form') return GRAFANA_LINE_UNUSED;
  if (message === 'Unauthorized' && error?.startsWith(PASSWORD_REFUSED) !== true) return GRAFANA_LINE_UNUSED;
  const remote = fields.get('remote_addr') ?? '';
  const ip = normalizeIp(remote.startsWith('[') && remote.endsWith(']') ? remote.slice(1, -1) : remote);
  if (ip === undefined) return GRAFANA_LINE_UNUSED;
  return { ...time, ip, reason: error ?? message, line: kind };
}

/** How far apart the authn service's line and the answer's of one attempt may be written. */
const PAIR_WITHIN_MS = 2000;
/** Lines kept waiting for their other half: attempts from this many addresses at once. */
const UNPAIRED_KEPT = 32;

/**
 * One refused password may be told twice, by the authn service and by the request's answer
 * (versions differ in which they write): a line of the other kind from the same address within
 * PAIR_WITHIN_MS of one counted and not yet paired is that attempt's other half, a repeat.
 */
function createAttemptPairing(): (found: GrafanaFailure) => boolean {
  const unpaired: GrafanaFailure[] = [];
  return (found) => {
    const half = unpaired.findIndex(
      (other) =>
        other.line !== found.line &&
        other.ip === found.ip &&
        Math.abs(other.time - found.time) <= PAIR_WITHIN_MS,
    );
    if (half !== -1) {
      unpaired.splice(half, 1);
      return true;
    }
    if (unpaired.push(found) > UNPAIRED_KEPT) unpaired.shift();
    return false;
  };
}

/** readGrafanaLine, with each attempt's second line told as a repeat (see createAttemptPairing). */
function createGrafanaReader(): (line: string) => GrafanaFailure | string {
  const isOtherHalf = createAttemptPairing();
  return (line) => {
    const found = readGrafanaLine(line);
    return typeof found !== 'string' && isOtherHalf(found) ? GRAFANA_LINE_REPEATED : found;
  };
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
      createGrafanaReader(),
      (line, found) =>
        buildAppLoginEvent(
          line,
          { ...found, app: 'grafana', dataset: 'grafana.log', outcome: 'failure', user: undefined },
          found.time,
        ),
      options,
    ),
};
