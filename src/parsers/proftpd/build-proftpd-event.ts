import type { SecurityEvent } from '../../core/index.ts';
import type { SshdHeader } from '../sshd/build-sshd-event.ts';
import { buildServiceLoginEvent } from '../auth-log/build-service-login-event.ts';
import type { ProftpdLogin } from './match-proftpd-login.ts';

/**
 * A ProFTPD login as a SecurityEvent: `ftp_login` as vsftpd's (`event.category: authentication`,
 * failure or success, `user.name` the name the client gave, `source.ip`, `service.name: ftp`,
 * ProFTPD's reason in `event.reason`), or `ftp_max_login_attempts` for a client cut off after too
 * many failures (each of which had a line of its own).
 */
export function buildProftpdEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: ProftpdLogin,
): SecurityEvent {
  const event = buildServiceLoginEvent(header, original, message, timestamp, { ...found, service: 'ftp' });
  event.event.module = 'proftpd';
  event.event.dataset = 'proftpd.log';
  return event;
}
