import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { type MysqlLoginFailure, NOT_MYSQL, readMysqlLine } from './read-mysql-line.ts';

export {
  isMysqlProgramAt,
  MYSQL_LINE_UNUSED,
  NOT_MYSQL,
  readMysqlLine,
  readMysqlSyslogMessage,
} from './read-mysql-line.ts';

export const mysqlParser: ParserDefinition = {
  format: 'mysql',
  description: "MySQL's and MariaDB's error log: refused logins",
  sniff: (sample) => shareOfLines(sample, (line) => readMysqlLine(line) !== NOT_MYSQL),
  create: () => createMysqlParser(),
};

function createMysqlParser(): LineParser {
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const found = readMysqlLine(text);
      if (typeof found === 'string') return found;
      emit(mapMysqlLoginFailure(text, found), found.time);
      return null;
    },
    notes: () => [],
  };
}

/**
 * A refused MySQL login as ECS: `mysql_login` (`event.category: [authentication, database]`,
 * failure), `user.name` the account the client named, `source.ip` (or `source.domain` when the
 * server resolved the client), `service.name: mysql`, `event.reason` whether a password was sent.
 * `host`: the syslog header's host, when the line came through syslog.
 */
export function mapMysqlLoginFailure(line: string, found: MysqlLoginFailure, host?: string): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(found.time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: 'mysql',
      dataset: 'mysql.error',
      category: ['authentication', 'database'],
      type: ['start'],
      action: 'mysql_login',
      outcome: 'failure',
      reason: found.withPassword ? 'using password: YES' : 'using password: NO',
    },
    service: { name: 'mysql' },
    user: { name: found.user },
    related: relatedFields([found.user], found.ip, host),
  };
  if (found.ip !== undefined) event.source = { address: found.ip, ip: found.ip };
  else if (found.domain !== undefined) event.source = { address: found.domain, domain: found.domain };
  if (host !== undefined) event.host = { hostname: host, name: host };
  return event;
}
