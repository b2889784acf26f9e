import { zonelessTimeIn, type ZonelessTime } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { buildMailFailureEvent, buildMailRejectionEvent } from '../mail-log/index.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { looksLikeEximLine, readEximLine } from './read-exim-line.ts';

export { EXIM_LINE_UNUSED, NOT_EXIM, readEximLine } from './read-exim-line.ts';

export const eximParser: ParserDefinition = {
  format: 'exim',
  description:
    "Exim's main log (mainlog): refused SMTP AUTH, relays and unknown recipients, connections without mail",
  sniff: (sample) => shareOfLines(sample, looksLikeEximLine),
  create: (options) => createEximParser(zonelessTimeIn(options.timeZone)),
};

/**
 * Exim's main log, as its lines in syslog are read (see ../mail-log): each refused SMTP AUTH a
 * `mail_auth_failure` (`event.module: exim`, `service.name: smtp`, `user.name` the set_id,
 * `source.ip`; a summary's `N Time(s)` is N failures), each refused relay or unknown recipient a
 * `mail_relay_denied` or `mail_recipient_unknown`, a connection without mail `smtp_no_mail`. A time
 * without `log_timezone`'s zone is read by `zoneless`.
 */
function createEximParser(zoneless: ZonelessTime): LineParser {
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const found = readEximLine(text);
      if (typeof found === 'string') return found;
      const time = found.zoned ? found.time : zoneless(found.time);
      const timestamp = new Date(time).toISOString();
      if ('rejection' in found) {
        emit(buildMailRejectionEvent(found.header, text, found.message, timestamp, found.rejection), time);
        return null;
      }
      for (let i = 0; i < found.failure.attempts; i++)
        emit(buildMailFailureEvent(found.header, text, found.message, timestamp, found.failure), time);
      return null;
    },
    notes: () => [],
  };
}
