import { normalizeIp } from '../sshd/parse-address.ts';

/** An LDAP bind that slapd reports, with the connection's client. */
export interface LdapBind {
  outcome: 'failure' | 'success';
  /** The bind DN, and the value of its first attribute (`uid=gipson,...` → `gipson`). */
  dn: string;
  user: string | undefined;
  ip: string;
  /** slapd's result code and text, e.g. `err=49 (invalid credentials)`. */
  reason: string;
}

/** A slapd line that tells nothing of a bind. */
export const SLAPD_LINE_UNUSED = 'slapd-line-unused';
/** A bind result whose connection's client was never logged (or was forgotten). */
export const SLAPD_NO_CLIENT = 'slapd-bind-without-client';

/** Connections remembered at most: the oldest is forgotten first. */
const MOST_CONNECTIONS = 4096;

const ACCEPT = /^conn=(\d{1,20}) fd=\d{1,10} ACCEPT from IP=(\S{2,64}):\d{1,5} /;
const BIND = /^conn=(\d{1,20}) op=(\d{1,20}) BIND dn="(.{0,1024})" method=128$/;
/** A bind's result: `tag=97`; err=49 is invalid credentials, err=0 success. */
const RESULT = /^conn=(\d{1,20}) op=(\d{1,20}) RESULT tag=97 err=(\d{1,3})(?: |$)/;
const CLOSED = /^conn=(\d{1,20}) fd=\d{1,10} closed/;

/**
 * Reads one input's slapd messages (OpenLDAP's `stats` log level): a connection's client comes in
 * its `ACCEPT from IP=ADDR:PORT` line, a simple bind's DN in its `BIND dn="..." method=128` line,
 * and the outcome in the `RESULT tag=97 err=N` line of the same operation, which gives the bind
 * (err=49 a wrong password, err=0 a login; anonymous binds are none). The client's address is
 * slapd's, written before anything the client sent.
 */
export function createSlapdReader(): (message: string) => LdapBind | string {
  const clients = new Map<string, string>();
  const binds = new Map<string, string>();
  const remember = (map: Map<string, string>, key: string, value: string) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > MOST_CONNECTIONS) map.delete(map.keys().next().value as string);
  };
  return (message) => {
    const accept = ACCEPT.exec(message);
    if (accept !== null) {
      const address = accept[2] as string;
      // IPv6 in brackets: `IP=[2001:db8::1]:389`.
      const ip = normalizeIp(address.startsWith('[') ? address.slice(1, -1) : address);
      if (ip !== undefined) remember(clients, accept[1] as string, ip);
      return SLAPD_LINE_UNUSED;
    }
    const bind = BIND.exec(message);
    if (bind !== null) {
      remember(binds, `${bind[1] as string} ${bind[2] as string}`, bind[3] as string);
      return SLAPD_LINE_UNUSED;
    }
    const result = RESULT.exec(message);
    if (result !== null) {
      const op = `${result[1] as string} ${result[2] as string}`;
      const dn = binds.get(op);
      binds.delete(op);
      const code = result[3] as string;
      if (dn === undefined || dn === '' || (code !== '49' && code !== '0')) return SLAPD_LINE_UNUSED;
      const ip = clients.get(result[1] as string);
      if (ip === undefined) return SLAPD_NO_CLIENT;
      return {
        outcome: code === '0' ? 'success' : 'failure',
        dn,
        user: firstValue(dn),
        ip,
        reason: code === '0' ? 'err=0' : 'err=49 (invalid credentials)',
      };
    }
    const closed = CLOSED.exec(message);
    if (closed !== null) clients.delete(closed[1] as string);
    return SLAPD_LINE_UNUSED;
  };
}

/** The value of a DN's first attribute (`uid=gipson,ou=people,...` → `gipson`). */
function firstValue(dn: string): string | undefined {
  const equals = dn.indexOf('=');
  if (equals < 0) return undefined;
  let end = equals + 1;
  while (end < dn.length && dn[end] !== ',') end += dn[end] === '\\' ? 2 : 1;
  const value = dn.slice(equals + 1, Math.min(end, dn.length)).trim();
  return value === '' ? undefined : value;
}
