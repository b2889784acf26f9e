import type { SecurityEvent } from '../../core/index.ts';
import { systemAuthEvent, type SshdHeader } from '../sshd/build-sshd-event.ts';
import type { PamServiceFailure } from './match-pam-service.ts';
import { relatedFields } from './related-fields.ts';

/**
 * The SecurityEvent of a PAM authentication failure of a service (vsftpd, dovecot, login, ...):
 * `pam_auth_failure`, one attempt each, with the PAM service as `service.name`, the account the
 * client gave as `user.name` and PAM's rhost as `source.ip` or `source.domain`.
 */
export function buildPamFailureEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: PamServiceFailure,
): SecurityEvent {
  const event = systemAuthEvent(
    header,
    original,
    message,
    timestamp,
    ['authentication'],
    ['info'],
    'pam_auth_failure',
    'failure',
  );
  if (found.service !== undefined) event.service = { name: found.service };
  if (found.user !== undefined) event.user = { name: found.user };
  if (found.address !== undefined)
    event.source =
      found.ip === undefined
        ? { address: found.address, domain: found.domain }
        : { address: found.address, ip: found.ip };
  event.related = relatedFields([found.user], found.ip, header.hostname);
  return event;
}
