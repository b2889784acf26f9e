import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import type { MssqlLogin } from '../windows/mssql-login.ts';
import { NOT_MSSQL, readMssqlLine } from './read-mssql-line.ts';

export { MSSQL_LINE_UNUSED, NOT_MSSQL } from './read-mssql-line.ts';

export const mssqlParser: ParserDefinition = {
  format: 'mssql',
  description: "SQL Server's error log (ERRORLOG): failed logins",
  sniff: (sample) => shareOfLines(sample, (line) => readMssqlLine(line) !== NOT_MSSQL),
  create: (options) => createRecordParser(readMssqlLine, mapMssqlErrorlogLogin, options),
};

/**
 * A failed login of SQL Server's error log as Windows' 18456 event is mapped, so the same rules
 * count it: `mssql-login-failed` (`event.category: [authentication, database]`, failure),
 * `user.name`, `source.ip` (none for `<local machine>`), the reason in a few words.
 */
function mapMssqlErrorlogLogin(line: string, found: MssqlLogin & { time: number }): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time: found.time,
    module: 'mssql',
    dataset: 'mssql.errorlog',
    category: ['authentication', 'database'],
    action: 'mssql-login-failed',
    reason: found.reason ?? 'login failed',
    ip: found.ip,
    user: found.user,
    service: 'mssql',
  });
}
