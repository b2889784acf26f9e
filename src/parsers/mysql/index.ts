import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
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
  create: (options) => createRecordParser(readMysqlLine, mapMysqlLoginFailure, options),
};

/**
 * A refused MySQL login as ECS: `mysql_login` (`event.category: [authentication, database]`,
 * failure), `user.name` the account the client named, `source.ip` (or `source.domain` when the
 * server resolved the client), `service.name: mysql`, `event.reason` whether a password was sent.
 * `host`: the syslog header's host, when the line came through syslog.
 */
export function mapMysqlLoginFailure(line: string, found: MysqlLoginFailure, host?: string): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time: found.time,
    module: 'mysql',
    dataset: 'mysql.error',
    category: ['authentication', 'database'],
    action: 'mysql_login',
    reason: found.withPassword ? 'using password: YES' : 'using password: NO',
    ip: found.ip,
    domain: found.domain,
    user: found.user,
    service: 'mysql',
    host,
  });
}
