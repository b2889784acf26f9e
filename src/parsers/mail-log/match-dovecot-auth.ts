import { normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';

/**
 * Dovecot's auth process's verdict on one attempt (`auth_verbose = yes`): `auth-worker(304):
 * pam(U,ADDR): pam_authenticate() failed: ...`, `auth: passwd-file(U,ADDR): unknown user`,
 * `sql(U,ADDR,<SESSION>): Password mismatch`, `ldap(U,ADDR,): invalid credentials` (a level, and
 * 2.3's `conn unix:auth-worker (pid=P,uid=N): auth-worker<N>: `, may come before the passdb; 1.x
 * wrote `dovecot: auth(default): ` under syslog's `dovecot`). LDAP's bind mismatch says `(for LDAP
 * bind)`, and `auth_verbose_passwords` adds the password tried, `(given password: P)` or its hash,
 * `(SHA1 of given password: H)`.
 */
const VERDICT =
  /^(?:dovecot: )?auth(?:-worker)?(?:\([^()\s]{0,64}\))?: (?:(?:Info|Warning|Error): )?(?:conn \S{1,64} \([^()]{0,64}\): auth-worker<\d{1,10}>: )?(?:pam|passwd-file|sql|ldap|checkpassword|shadow|passwd|bsdauth|static|lua|oauth2)\((.{1,600})\): (unknown user|pam_authenticate\(\) failed: .{1,200}|[Pp]assword mismatch\??(?: \(for LDAP bind\))?|invalid credentials)(?: \((?:SHA1 of given password: [0-9a-f]{1,64}|given password: .{0,256})\))?$/;

/**
 * The failed attempt an auth process's verdict reports, or undefined. The client names U, first in
 * the parentheses: the address is the last field there (before the session id, which Dovecot adds).
 * The login process later sums the connection's attempts (matchDovecotLogin): both name the address,
 * which is the connection they are counted under, so that each attempt counts once (see
 * createMailAttemptCounter), at its verdict, when Dovecot logs those.
 */
export function matchDovecotAuthVerdict(message: string): MailAuthFailure | undefined {
  const found = VERDICT.exec(message);
  if (found === null) return undefined;
  const fields = (found[1] as string).replace(/,(?:<[^<>,\s]{0,64}>)?$/, '').split(',');
  const address = fields.pop();
  const ip = address === undefined ? undefined : normalizeIp(address);
  if (ip === undefined || fields.length === 0) return undefined;
  const user = fields.join(',');
  return {
    server: 'dovecot',
    // The auth process does not know the protocol the client used.
    service: 'mail',
    attempts: 1,
    user: user === '' ? undefined : user,
    ip,
    domain: undefined,
    port: undefined,
    reason: found[2] as string,
    connection: dovecotConnection(ip),
  };
}

/** The connection Dovecot's lines of one client are counted under (see matchDovecotAuthVerdict). */
export function dovecotConnection(ip: string): string {
  return `dovecot ${ip}`;
}
