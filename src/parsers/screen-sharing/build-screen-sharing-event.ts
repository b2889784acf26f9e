import type { SecurityEvent } from '../../core/index.ts';
import type { SshdHeader } from '../sshd/build-sshd-event.ts';
import { buildServiceLoginEvent } from '../auth-log/build-service-login-event.ts';
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
  return buildServiceLoginEvent(header, original, message, timestamp, {
    ...found,
    action: 'screen_sharing_login',
    service: 'vnc',
  });
}
