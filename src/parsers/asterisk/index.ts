import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { createYearResolver, programNamed } from '../syslog/index.ts';
import type { AsteriskAuthFailure } from './match-asterisk-auth.ts';
import { NOT_ASTERISK, readAsteriskLine } from './read-asterisk-line.ts';

export {
  ASTERISK_LINE_UNUSED,
  NOT_ASTERISK,
  readAsteriskMessage,
  readFreeswitchMessage,
} from './read-asterisk-line.ts';

const ASTERISK = 'asterisk';

/** Whether `text` holds Asterisk's syslog program name from `start` to `end` (no string is made). */
export const isAsteriskAt = programNamed(ASTERISK);
export const isFreeswitchAt = programNamed('freeswitch');

export const asteriskParser: ParserDefinition = {
  format: 'asterisk',
  description: "Asterisk's log (messages, full) and FreeSWITCH's: refused SIP, IAX2 and manager logins",
  sniff: (sample) => {
    const years = createYearResolver({ year: 2000 });
    return shareOfLines(sample, (line) => readAsteriskLine(line, years) !== NOT_ASTERISK);
  },
  create: (options) => createAsteriskParser(createYearResolver(options)),
};

function createAsteriskParser(years: ReturnType<typeof createYearResolver>): LineParser {
  return createRecordParser(
    (line) => readAsteriskLine(line, years),
    (line, found) => mapAsteriskAuthFailure(line, found, found.time),
    {
      notes: () => {
        const decision = years.describeDecision();
        return decision === undefined ? [] : [decision];
      },
    },
  );
}

/**
 * A refused login to Asterisk as ECS: `voip_auth_failure` (`voip_acl_rejected` where an ACL refused
 * the address before any password; `event.category: authentication`, failure), or a call to an
 * extension the dialplan does not have, `voip_call_rejected` (`network`, the extension in the reason), `source.ip`, `user.name` when Asterisk read one (IAX2 and manager logins, the security
 * log's `AccountID`), `service.name` `sip`, `iax2` or `ami`, Asterisk's reason in `event.reason`.
 * `host`: the syslog header's host.
 */
export function mapAsteriskAuthFailure(
  line: string,
  found: AsteriskAuthFailure,
  time: number,
  host?: string,
): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time,
    module: found.module ?? 'asterisk',
    dataset: `${found.module ?? 'asterisk'}.log`,
    category: found.call !== undefined ? ['network'] : ['authentication'],
    action: actionOf(found),
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: found.service,
    host,
  });
}

function actionOf(found: AsteriskAuthFailure): string {
  if (found.call !== undefined) return 'voip_call_rejected';
  return found.acl === true ? 'voip_acl_rejected' : 'voip_auth_failure';
}
