import { normalizeIp } from '../sshd/parse-address.ts';
import type { AsteriskAuthFailure } from './match-asterisk-auth.ts';

/**
 * FreeSWITCH's sofia_reg.c, after its head: `SIP auth failure (REGISTER) on sofia profile 'P' for
 * [U@DOMAIN] from ip ADDR` (a wrong password) and `Can't find user [U@DOMAIN] from ADDR` (an
 * account it does not have). The client names U and the domain; the address ends the line.
 * `IP ADDR Rejected by register acl` tried no password: the address may not register (`acl`).
 */
const AUTH_FAILURE =
  /^SIP auth failure \([A-Z]{1,16}\) on sofia profile '[^']{0,64}' for \[(.{0,256})\] from ip ([0-9A-Fa-f:.]{2,45})\s*$/;
const UNKNOWN_USER = /^Can't find user \[(.{0,256})\] from ([0-9A-Fa-f:.]{2,45})\s*$/;
/** `IP ADDR Rejected by register acl` (newer versions name the list: `... acl "domains"`). */
const ACL_REJECTED = /^IP ([0-9A-Fa-f:.]{2,45}) Rejected by (?:register |auth )?acl(?: "[^"]{0,64}")?\s*$/;

/** The refused login of a FreeSWITCH message, or undefined. */
export function matchFreeswitchAuth(message: string): AsteriskAuthFailure | undefined {
  const rejected = ACL_REJECTED.exec(message);
  const from = rejected === null ? undefined : normalizeIp(rejected[1] as string);
  if (from !== undefined)
    return {
      service: 'sip',
      ip: from,
      user: undefined,
      reason: 'Rejected by ACL',
      module: 'freeswitch',
      acl: true,
    };
  const failure = AUTH_FAILURE.exec(message);
  const found = failure ?? UNKNOWN_USER.exec(message);
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (found === null || ip === undefined) return undefined;
  const user = (found[1] as string).replace(/@[^@]*$/, '');
  return {
    service: 'sip',
    ip,
    user: user === '' ? undefined : user,
    reason: failure === null ? "Can't find user" : 'SIP auth failure',
    module: 'freeswitch',
  };
}
