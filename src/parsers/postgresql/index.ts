import { zonelessTimeIn, type ZonelessTime } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { buildForgedAddressEvent, isForged, type ForgedAddresses } from '../forged-address-event.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import type { LineParser, ParserDefinition } from '../parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { normalizeIp } from '../sshd/parse-address.ts';
import { programNamed } from '../syslog/index.ts';
import { matchPostgresqlMessage, namedAddress } from './match-postgresql-message.ts';
import { NOT_POSTGRESQL, readPostgresqlLine } from './read-postgresql-line.ts';
import { createCsvlogReader, startsCsvlogRecord } from './read-csvlog.ts';

export { NOT_POSTGRESQL, readPostgresqlSyslogMessage } from './read-postgresql-line.ts';

/** A line of the log that reports no login (a session's client is noted, not counted). */
export const POSTGRESQL_LINE_UNUSED = 'postgresql-line-unused';
/** A line holding more than one message, none of which names an address: nothing can be read from it. */
export const POSTGRESQL_AMBIGUOUS = 'postgresql-ambiguous-line';
/** Sessions whose client is remembered at most; the oldest is forgotten first. */
const MOST_SESSIONS = 4096;

/** A login PostgreSQL's log reports, with the client its session came from where known. */
export interface PostgresqlLogin {
  outcome: 'failure' | 'success';
  user: string | undefined;
  reason: string;
  ip: string | undefined;
  domain: string | undefined;
}

/** PostgreSQL's syslog name (its default syslog_ident). */
export const isPostgresqlAt = programNamed('postgres');

/**
 * Reads one input's PostgreSQL messages, given each line's server process: a failed or successful
 * login, with the address the message names (`no pg_hba.conf entry for host "ADDR"`, written before
 * anything the client chose), else csvlog's `connection_from` or jsonlog's `remote_host`, else the
 * one its session's `connection received: host=ADDR` line gave (log_connections). A line with more
 * than one message (the client wrote a severity marker into its user or database name, or into a
 * statement logged) is a forged line when any of them names a login, with every address it and its
 * session name.
 */
export function createPostgresqlReader(): (
  pid: number | undefined,
  messages: readonly string[],
  client?: string,
) => PostgresqlLogin | ForgedAddresses | string {
  const sessions = new Map<number, { ip: string | undefined; domain: string | undefined }>();
  return (pid, messages, client) => {
    const session =
      client !== undefined
        ? { ip: normalizeIp(client), domain: undefined }
        : ((pid === undefined ? undefined : sessions.get(pid)) ?? { ip: undefined, domain: undefined });
    const found = messages.map(matchPostgresqlMessage);
    if (messages.length > 1) {
      if (found.every((message) => message === undefined)) return POSTGRESQL_LINE_UNUSED;
      const forged = [session.ip, ...messages.map(namedAddress)].filter(
        (ip): ip is string => ip !== undefined,
      );
      return forged.length === 0 ? POSTGRESQL_AMBIGUOUS : { forged };
    }
    const [message] = found;
    if (message === undefined) return POSTGRESQL_LINE_UNUSED;
    if (message.kind === 'connection') {
      if (pid !== undefined) {
        sessions.delete(pid);
        sessions.set(pid, { ip: message.ip, domain: message.domain });
        if (sessions.size > MOST_SESSIONS) sessions.delete(sessions.keys().next().value as number);
      }
      return POSTGRESQL_LINE_UNUSED;
    }
    const ip = message.ip ?? session.ip;
    const { outcome, user, reason } = message;
    return { outcome, user, reason, ip, domain: ip === undefined ? session.domain : undefined };
  };
}

export const postgresqlParser: ParserDefinition = {
  format: 'postgresql',
  description:
    "PostgreSQL's server log (stderr with the default prefix, csvlog or jsonlog): refused and accepted logins",
  sniff: (sample) =>
    shareOfLines(sample, (line) => startsCsvlogRecord(line) || readPostgresqlLine(line) !== NOT_POSTGRESQL),
  create: (options) => createPostgresqlParser(zonelessTimeIn(options.timeZone)),
};

/**
 * Each login of the log as `postgresql_login` (see mapPostgresqlLogin), its stderr lines and
 * jsonlog's read one by one, csvlog's records gathered over the lines they span. A csvlog record
 * the input ends inside is told in the notes.
 */
function createPostgresqlParser(zoneless: ZonelessTime): LineParser {
  const reader = createPostgresqlReader();
  const csvlog = createCsvlogReader();
  let unfinished = 0;
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const read = csvlog.open || startsCsvlogRecord(text) ? csvlog.take(text) : readPostgresqlLine(text);
      if (read === null || typeof read === 'string') return read;
      const found = reader(read.pid, read.messages, read.client);
      if (typeof found === 'string') return found;
      const time = read.zoned === true ? read.time : zoneless(read.time);
      emit(mapPostgresqlLogin(read.original ?? text, found, time), time);
      return null;
    },
    finish() {
      if (csvlog.open) unfinished++;
    },
    notes() {
      return unfinished === 0 ? [] : [`${unfinished} csvlog record cut short by the end of the input`];
    },
  };
}

/**
 * A PostgreSQL login as ECS: `postgresql_login` (`event.category: [authentication, database]`,
 * its outcome), `user.name` the role the client named, `source.ip` (or `source.domain` where
 * log_hostname resolved the client), `service.name: postgresql`, PostgreSQL's words in
 * `event.reason`. A forged line as what it is (see buildForgedAddressEvent). `host`: the syslog
 * header's host, when the line came through syslog.
 */
export function mapPostgresqlLogin(
  line: string,
  found: PostgresqlLogin | ForgedAddresses,
  time: number,
  host?: string,
): SecurityEvent {
  const names = { module: 'postgresql', dataset: 'postgresql.log', service: 'postgresql' };
  if (isForged(found))
    return buildForgedAddressEvent({ original: line, time, forged: found.forged, host, ...names });
  return buildLoginFailureEvent({
    original: line,
    time,
    outcome: found.outcome,
    ...names,
    category: ['authentication', 'database'],
    action: 'postgresql_login',
    reason: found.reason,
    ip: found.ip,
    domain: found.domain,
    user: found.user,
    host,
  });
}
