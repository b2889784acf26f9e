import type { SecurityEvent } from '../../core/index.ts';
import { systemAuthEvent, type SshdHeader } from '../sshd/build-sshd-event.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import type { ScreenSharingLogin } from './match-screen-sharing.ts';

/**
 * One Screen Sharing login as a SecurityEvent: `screen_sharing_login` (`event.category:
 * authentication`, failure or success), `user.name` when the line names one, `source.ip`,
 * `service.name: vnc`.
 */
export function buildScreenSharingEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: ScreenSharingLogin,
): SecurityEvent {
  const event = systemAuthEvent(
    header,
    original,
    message,
    timestamp,
    ['authentication'],
    ['start'],
    'screen_sharing_login',
    found.outcome,
  );
  event.service = { name: 'vnc' };
  event.source = { address: found.ip, ip: found.ip };
  if (found.user !== undefined) event.user = { name: found.user };
  event.related = relatedFields([found.user], found.ip, header.hostname);
  return event;
}
