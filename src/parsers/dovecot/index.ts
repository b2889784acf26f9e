import type { LineParser, ParserDefinition } from '../parser.ts';
import {
  buildMailFailureEvent,
  createMailAttemptCounter,
  MAIL_ATTEMPTS_REPORTED,
} from '../mail-log/index.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { createYearResolver } from '../syslog/index.ts';
import { NOT_DOVECOT, readDovecotLine } from './read-dovecot-line.ts';

export { DOVECOT_LINE_UNUSED, NOT_DOVECOT } from './read-dovecot-line.ts';

export const dovecotParser: ParserDefinition = {
  format: 'dovecot',
  description: "Dovecot's own log (log_path): failed IMAP/POP3 logins",
  sniff: (sample) => {
    const years = createYearResolver({ year: 2000 });
    return shareOfLines(sample, (line) => readDovecotLine(line, years) !== NOT_DOVECOT);
  },
  create: (options) => createDovecotParser(createYearResolver(options)),
};

/**
 * Each login process's failure as in Dovecot's syslog lines (`mail_auth_failure`, one event per
 * attempt it sums), less the attempts whose verdicts the auth processes logged before it (one
 * event each: see matchDovecotAuthVerdict).
 */
function createDovecotParser(years: ReturnType<typeof createYearResolver>): LineParser {
  const header = { hostname: undefined, program: 'dovecot', pid: undefined };
  const countAttempts = createMailAttemptCounter();
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const found = readDovecotLine(text, years);
      if (typeof found === 'string') return found;
      const attempts = countAttempts(found);
      if (attempts === 0) return MAIL_ATTEMPTS_REPORTED;
      const timestamp = new Date(found.time).toISOString();
      for (let i = 0; i < attempts; i++)
        emit(buildMailFailureEvent(header, text, found.message, timestamp, found), found.time);
      return null;
    },
    notes() {
      const decision = years.describeDecision();
      return decision === undefined ? [] : [decision];
    },
  };
}
