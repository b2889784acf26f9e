import type { SecurityEvent } from '../../core/index.ts';
import { isProbeAction, type SshdAuth } from './sshd-auth.ts';

/** What an event takes from its line's syslog header (a SyslogLine is one). */
export interface SshdHeader {
  hostname: string | undefined;
  program: string | undefined;
  pid: number | undefined;
}

/**
 * Builds the SecurityEvent for one authentication message, named as Filebeat's system module
 * (auth fileset) names it. Each call returns new objects: events are never shared.
 */
export function buildSshdEvent(
  syslog: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  auth: SshdAuth,
): SecurityEvent {
  // A probe (a connection that ended before authenticating) is a network event, the rest authentication.
  const probe = isProbeAction(auth.action);
  const event = systemAuthEvent(
    syslog,
    original,
    message,
    timestamp,
    probe ? ['network'] : authenticationCategory(auth),
    probe ? ['connection', 'end'] : ['info'],
    auth.action,
    auth.outcome,
  );
  if (auth.reason !== undefined) event.event.reason = auth.reason;
  if (isUserName(auth.user)) event.user = { name: auth.user };
  if (auth.address !== undefined) event.source = buildSource(auth);
  if (auth.sshEvent !== undefined) event.system = { auth: { ssh: buildSsh(auth) } };
  event.related = buildRelated(syslog, auth);
  return event;
}

/**
 * What every auth.log event shares, sshd's and the account programs' (Filebeat's system.auth
 * dataset): time, event, process, message, and the host (host.name too: Filebeat's comes from the
 * shipping host, which for auth.log is the same machine).
 */
export function systemAuthEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  category: string[],
  type: string[],
  action: string,
  outcome: 'success' | 'failure',
): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': timestamp,
    event: {
      original,
      kind: 'event',
      module: 'system',
      dataset: 'system.auth',
      category,
      type,
      action,
      outcome,
    },
    process: header.pid === undefined ? { name: header.program } : { name: header.program, pid: header.pid },
    message,
  };
  if (header.hostname !== undefined) event.host = { hostname: header.hostname, name: header.hostname };
  return event;
}

function authenticationCategory(auth: SshdAuth): string[] {
  return auth.sshEvent === 'Accepted' ? ['authentication', 'session'] : ['authentication'];
}

function buildSource(auth: SshdAuth): Record<string, unknown> {
  const source: Record<string, unknown> = { address: auth.address };
  if (auth.ip !== undefined) source.ip = auth.ip;
  else source.domain = auth.domain;
  if (auth.port !== undefined) source.port = auth.port;
  return source;
}

function buildSsh(auth: SshdAuth): Record<string, unknown> {
  const ssh: Record<string, unknown> = { event: auth.sshEvent };
  if (auth.method !== undefined) ssh.method = auth.method;
  if (auth.signature !== undefined) ssh.signature = auth.signature;
  return ssh;
}

/** Filebeat's `related.*` lists, which some detection rules search instead of the specific fields. */
function buildRelated(syslog: SshdHeader, auth: SshdAuth): Record<string, string[]> {
  const related: Record<string, string[]> = {};
  if (isUserName(auth.user)) related.user = [auth.user];
  if (auth.ip !== undefined) related.ip = [auth.ip];
  if (syslog.hostname !== undefined) related.hosts = [syslog.hostname];
  return related;
}

/** An empty name (`Invalid user  from ...`), `-` and Solaris' `<invalid username>` name no account. */
function isUserName(user: string | undefined): user is string {
  return user !== undefined && user !== '' && user !== '-' && user !== '<invalid username>';
}
