import type { LineParser, ParserDefinition } from '../parser.ts';
import { buildMailFailureEvent } from '../mail-log/index.ts';
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
 * attempt it sums); the auth processes' lines repeat it and are not counted.
 */
function createDovecotParser(years: ReturnType<typeof createYearResolver>): LineParser {
  const header = { hostname: undefined, program: 'dovecot', pid: undefined };
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const found = readDovecotLine(text, years);
      if (typeof found === 'string') return found;
      const timestamp = new Date(found.time).toISOString();
      for (let i = 0; i < found.attempts; i++)
        emit(buildMailFailureEvent(header, text, found.message, timestamp, found), found.time);
      return null;
    },
    notes() {
      const decision = years.describeDecision();
      return decision === undefined ? [] : [decision];
    },
  };
}
