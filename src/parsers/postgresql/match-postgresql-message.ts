import { normalizeIp } from '../sshd/parse-address.ts';

/** What a PostgreSQL message says of a login, or of the client of its session. */
export type PostgresqlMessage =
  /** `connection received: host=ADDR port=P` (log_connections): the session's client. */
  | { kind: 'connection'; ip: string | undefined; domain: string | undefined }
  /** A refused login (`ip`: the address the message itself names, server-written). */
  | { kind: 'login'; outcome: 'failure' | 'success'; user: string | undefined; reason: string; ip?: string };

const CONNECTION = /^connection received: host=(\S{1,255}?)(?: port=\d{1,5})?$/;
const AUTHORIZED = /^connection authorized: user=(.{1,256}?) database=/;
/** `password`, `md5`, `scram-sha-256`, `PAM`, `LDAP`, `RADIUS`, `Ident`, `peer`, `certificate`, `GSSAPI`, `SSPI`. */
const FAILED = /^([A-Za-z0-9-]{1,32}) authentication failed for user "(.{0,256})"$/;
/**
 * The client names the user and the database (none for a replication connection); the server writes
 * the host first, and the encryption last.
 */
const NO_HBA_ENTRY =
  /^no pg_hba\.conf entry for (?:replication connection from )?host "([^"]{1,255})", user "(.{0,256}?)"(?:, database "|, SSL |, GSS |, no encryption$|$)/;
const HBA_REJECTS =
  /^pg_hba\.conf rejects (?:replication )?connection for host "([^"]{1,255})", user "(.{0,256}?)"(?:, database "|, SSL |, GSS |, no encryption$|$)/;
const NO_ROLE = /^role "(.{0,256})" does not exist$/;
/** The host either pg_hba.conf message names first, whatever follows it. */
const HBA_HOST =
  /^(?:no pg_hba\.conf entry for (?:replication connection from )?|pg_hba\.conf rejects (?:replication )?connection for )host "([^"]{1,255})"/;

/** The address a message names for its client (a pg_hba.conf refusal's host), if any. */
export function namedAddress(message: string): string | undefined {
  const found = HBA_HOST.exec(message) ?? /^connection received: host=(\S{1,255}?)(?: |$)/.exec(message);
  return found === null ? undefined : normalizeIp(found[1] as string);
}

/**
 * A message of PostgreSQL's log (what follows `FATAL:  ` or `LOG:  `): a failed login (a failed
 * password or other method, `no pg_hba.conf entry for host ...`, `pg_hba.conf rejects connection
 * ...`, `role "U" does not exist`), a successful one (`connection authorized: ...`, log_connections)
 * or a session's client (`connection received: host=...`); undefined for anything else.
 */
export function matchPostgresqlMessage(message: string): PostgresqlMessage | undefined {
  const connection = CONNECTION.exec(message);
  if (connection !== null) {
    const host = connection[1] as string;
    const ip = normalizeIp(host);
    // `[local]`: a Unix socket, no address; a name where log_hostname resolved the client.
    const domain = ip === undefined && /^[A-Za-z0-9._-]{1,253}$/.test(host) ? host : undefined;
    return { kind: 'connection', ip, domain };
  }
  const failed = FAILED.exec(message);
  if (failed !== null) return login('failure', failed[2], `${failed[1] as string} authentication failed`);
  const noEntry = NO_HBA_ENTRY.exec(message);
  if (noEntry !== null) return login('failure', noEntry[2], 'no pg_hba.conf entry', noEntry[1]);
  const rejects = HBA_REJECTS.exec(message);
  if (rejects !== null) return login('failure', rejects[2], 'pg_hba.conf rejects connection', rejects[1]);
  const noRole = NO_ROLE.exec(message);
  if (noRole !== null) return login('failure', noRole[1], 'role does not exist');
  const authorized = AUTHORIZED.exec(message);
  if (authorized !== null) return login('success', authorized[1], 'connection authorized');
  return undefined;
}

function login(
  outcome: 'failure' | 'success',
  user: string | undefined,
  reason: string,
  host?: string,
): PostgresqlMessage {
  const found: PostgresqlMessage = { kind: 'login', outcome, user: user === '' ? undefined : user, reason };
  const ip = host === undefined ? undefined : normalizeIp(host);
  if (ip !== undefined) found.ip = ip;
  return found;
}
