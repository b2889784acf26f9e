import { isObject, readBoundedJson } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import { createRecordParser, isoRecordTime, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** Not a line of GitLab's application log. */
export const NOT_GITLAB = 'not-gitlab-log';
/** A line of the log that reports no failed login. */
export const GITLAB_LINE_UNUSED = 'gitlab-line-unused';

/** application.log: `2020-04-09T14:04:00.667Z: MESSAGE`. */
const TEXT_HEAD = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})): /;
/** The client names U before the address, which ends the message: it is the last ` ip=`. */
const FAILED_LOGIN = /^Failed Login: username=(.{0,512}) ip=([0-9A-Fa-f:.]{2,45})$/;

interface GitlabLogin extends RecordTime {
  user: string | undefined;
  ip: string;
  outcome: 'failure' | 'success';
  reason: string;
  dataset: string;
}

/** The answers of production_json.log to a sign-in form post: a redirect logs in, these refuse. */
const SIGN_IN_REFUSED = new Set([0, 200, 401]);

/**
 * A line of GitLab's application log (`gitlab-rails/application.log`, or `application_json.log`'s
 * `{"time":...,"message":...}`): its `Failed Login: username=U ip=ADDR`, or why it has none.
 */
export function readGitlabLine(line: string): GitlabLogin | string {
  let time: RecordTime;
  let message: unknown;
  if (line.charCodeAt(0) === 123 /* { */) {
    const parsed = readBoundedJson(line);
    // GitLab's own keys: many JSON logs have a `time` and a `message`.
    const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
    if (doc !== undefined && typeof doc.controller === 'string' && typeof doc.time === 'string')
      return readRequest(doc, isoRecordTime(doc.time));
    if (doc === undefined || typeof doc.time !== 'string' || typeof doc.severity !== 'string')
      return NOT_GITLAB;
    if (!('correlation_id' in doc)) return NOT_GITLAB;
    time = isoRecordTime(doc.time);
    message = doc.message;
  } else {
    const head = TEXT_HEAD.exec(line);
    if (head === null) return NOT_GITLAB;
    time = isoRecordTime(head[1] as string);
    message = line.slice(head[0].length);
  }
  if (Number.isNaN(time.time)) return NOT_GITLAB;
  const found = typeof message === 'string' ? FAILED_LOGIN.exec(message) : null;
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (found === null || ip === undefined) return GITLAB_LINE_UNUSED;
  const user = found[1] === '' ? undefined : found[1];
  return { ...time, user, ip, outcome: 'failure', reason: 'Failed Login', dataset: 'gitlab.application' };
}

/**
 * A request of `production_json.log` (`method`, `path`, `controller`, `action`, `status`,
 * `remote_ip`, the filtered `params`): a post of the sign-in form (`SessionsController#create`) is
 * a login, refused unless answered with a redirect; `user.login` is the name the client typed, and a
 * post of only `user.otp_attempt` a second factor (the password was right). `remote_ip` is the one
 * GitLab took through its trusted proxies.
 */
function readRequest(doc: Record<string, unknown>, time: RecordTime): GitlabLogin | string {
  if (Number.isNaN(time.time) || !('status' in doc) || !('remote_ip' in doc)) return NOT_GITLAB;
  if (doc.controller !== 'SessionsController' || doc.action !== 'create' || doc.method !== 'POST')
    return GITLAB_LINE_UNUSED;
  const ip = typeof doc.remote_ip === 'string' ? normalizeIp(doc.remote_ip) : undefined;
  const status = doc.status;
  if (ip === undefined || typeof status !== 'number') return GITLAB_LINE_UNUSED;
  const form = Array.isArray(doc.params)
    ? doc.params.find((param) => isObject(param) && param.key === 'user')
    : undefined;
  const fields = isObject(form) && isObject(form.value) ? form.value : {};
  const user = typeof fields.login === 'string' && fields.login !== '' ? fields.login : undefined;
  const otp = user === undefined && 'otp_attempt' in fields;
  const dataset = 'gitlab.production';
  if (status === 302) return { ...time, user, ip, outcome: 'success', reason: 'signed in', dataset };
  if (!SIGN_IN_REFUSED.has(status)) return GITLAB_LINE_UNUSED;
  const reason = otp ? 'two-factor code refused (the password was right)' : 'sign-in refused';
  return { ...time, user, ip, outcome: 'failure', reason, dataset };
}

export const gitlabParser: ParserDefinition = {
  format: 'gitlab',
  description: "GitLab's application log and production_json.log: logins",
  sniff: (sample) => shareOfLines(sample, (line) => readGitlabLine(line) !== NOT_GITLAB),
  create: (options) =>
    createRecordParser(
      readGitlabLine,
      (line, found) => buildAppLoginEvent(line, { ...found, app: 'gitlab' }, found.time),
      options,
    ),
};
