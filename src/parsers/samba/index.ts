import type { SecurityEvent } from '../../core/index.ts';
import type { ForgedAddresses } from '../forged-address-event.ts';
import { buildForgedAddressEvent, isForged } from '../forged-address-event.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import type { SambaAuth } from './read-samba-auth.ts';

export { readSambaAuth, SAMBA_LINE_UNUSED } from './read-samba-auth.ts';
export type { SambaAuth } from './read-samba-auth.ts';

/** Samba's daemons in syslog: `smbd` (`samba` on a domain controller; `smb` as some units tag it). */
export function isSambaAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 3) return text.startsWith('smb', start);
  if (length === 4) return text.startsWith('smbd', start);
  return length === 5 && text.startsWith('samba', start);
}

/**
 * An SMB (or other Samba service's) authentication as ECS: `smb_login` (`event.category:
 * authentication`, its outcome), `user.name` and `user.domain` as the client named them,
 * `source.ip` and port, `service.name: smb`, Samba's status as the reason; a forged line as the
 * other forged lines (see ../forged-address-event.ts).
 */
export function mapSambaAuth(
  line: string,
  auth: SambaAuth | ForgedAddresses,
  time: number,
  host?: string,
): SecurityEvent {
  if (isForged(auth)) {
    const forged = { ...auth, original: line, time, module: 'samba', dataset: 'samba.auth_audit' };
    return buildForgedAddressEvent({ ...forged, service: 'smb', host });
  }
  const event = buildLoginFailureEvent({
    original: line,
    time,
    outcome: auth.outcome,
    module: 'samba',
    dataset: 'samba.auth_audit',
    category: ['authentication'],
    action: 'smb_login',
    reason: auth.status,
    ip: auth.ip,
    port: auth.port,
    user: auth.user,
    service: 'smb',
    host,
  });
  if (auth.domain !== undefined && event.user !== undefined)
    event.user = { ...(event.user as Record<string, unknown>), domain: auth.domain };
  return event;
}
