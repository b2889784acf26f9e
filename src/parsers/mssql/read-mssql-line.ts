import { utcMillis } from '../utc-millis.ts';
import { type MssqlLogin, readLoginFailedMessage } from '../windows/mssql-login.ts';

/** Not a line of SQL Server's error log. */
export const NOT_MSSQL = 'not-mssql-errorlog';
/** A line of the error log that reports no failed login. */
export const MSSQL_LINE_UNUSED = 'mssql-line-unused';

/**
 * The error log's head: the time with hundredths, then the source (`Logon`, `Server`, `spid52`)
 * padded with spaces to 12 characters, so that messages start in one column. Other logs with such
 * a time (PostgreSQL's `2024-03-04 10:00:01.123 UTC [42] ...`) do not pad what follows it.
 */
const HEAD = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{2,3}) ([A-Za-z0-9]{1,32})( +)/;
const SOURCE_WIDTH = 12;

/**
 * A line of SQL Server's error log (`ERRORLOG`): a failed login, `Logon  Login failed for user
 * 'U'. Reason: R [CLIENT: ADDR]`, with its time, or why it is none. The `Error: 18456, Severity:
 * 14, State: N.` line before it is the same attempt and is not counted. The message is read as
 * Windows' 18456 event is (see readLoginFailedMessage): the client the server wrote last.
 */
export function readMssqlLine(line: string): (MssqlLogin & { time: number }) | string {
  const head = HEAD.exec(line);
  if (head === null || (head[8] as string).length + (head[9] as string).length < SOURCE_WIDTH)
    return NOT_MSSQL;
  const n = (index: number) => Number(head[index]);
  const time = utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), Number((head[7] as string).padEnd(3, '0')));
  if (Number.isNaN(time)) return NOT_MSSQL;
  if (head[8] !== 'Logon') return MSSQL_LINE_UNUSED;
  const login = readLoginFailedMessage(line.slice(head[0].length));
  return login === undefined ? MSSQL_LINE_UNUSED : { ...login, time };
}
