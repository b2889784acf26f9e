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

interface GitlabFailure extends RecordTime {
  user: string | undefined;
  ip: string;
}

/**
 * A line of GitLab's application log (`gitlab-rails/application.log`, or `application_json.log`'s
 * `{"time":...,"message":...}`): its `Failed Login: username=U ip=ADDR`, or why it has none.
 */
export function readGitlabLine(line: string): GitlabFailure | string {
  let time: RecordTime;
  let message: unknown;
  if (line.charCodeAt(0) === 123 /* { */) {
    const parsed = readBoundedJson(line);
    // GitLab's own keys: many JSON logs have a `time` and a `message`.
    const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
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
  return { ...time, user: found[1] === '' ? undefined : found[1], ip };
}

export const gitlabParser: ParserDefinition = {
  format: 'gitlab',
  description: "GitLab's application log: failed logins",
  sniff: (sample) => shareOfLines(sample, (line) => readGitlabLine(line) !== NOT_GITLAB),
  create: (options) =>
    createRecordParser(
      readGitlabLine,
      (line, found) =>
        buildAppLoginEvent(
          line,
          {
            ...found,
            app: 'gitlab',
            dataset: 'gitlab.application',
            outcome: 'failure',
            reason: 'Failed Login',
          },
          found.time,
        ),
      options,
    ),
};
