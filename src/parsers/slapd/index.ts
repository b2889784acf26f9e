import type { SecurityEvent } from '../../core/index.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { programNamed } from '../syslog/index.ts';
import type { LdapBind } from './read-slapd-line.ts';

export { createSlapdReader, SLAPD_LINE_UNUSED, SLAPD_NO_CLIENT } from './read-slapd-line.ts';
export type { LdapBind } from './read-slapd-line.ts';

/** OpenLDAP's server in syslog. */
export const isSlapdAt = programNamed('slapd');

/**
 * An LDAP simple bind as ECS: `ldap_bind` (`event.category: authentication`, its outcome),
 * `user.name` the DN's first value and `user.id` the DN, `source.ip`, `service.name: ldap`.
 */
export function mapLdapBind(line: string, bind: LdapBind, time: number, host?: string): SecurityEvent {
  const event = buildLoginFailureEvent({
    original: line,
    time,
    outcome: bind.outcome,
    module: 'openldap',
    dataset: 'openldap.slapd',
    category: ['authentication'],
    action: 'ldap_bind',
    reason: bind.reason,
    ip: bind.ip,
    user: bind.user,
    service: 'ldap',
    host,
  });
  event.user = { ...(event.user as Record<string, unknown> | undefined), id: bind.dn };
  return event;
}
