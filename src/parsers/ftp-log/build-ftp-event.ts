import type { SecurityEvent } from '../../core/index.ts';
import type { SshdHeader } from '../sshd/build-sshd-event.ts';
import { buildServiceLoginEvent } from '../auth-log/build-service-login-event.ts';
import type { FtpLogin } from './ftp-login.ts';

/**
 * An FTP server's login as a SecurityEvent: `ftp_login` as vsftpd's (`event.category:
 * authentication`, failure or success, `user.name` the name the client gave, `source.ip`,
 * `service.name: ftp`, the server's reason in `event.reason`, `event.module` the server), or
 * `ftp_max_login_attempts` for a client cut off after too many failures (each of which had a line
 * of its own).
 */
export function buildFtpEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  found: FtpLogin,
): SecurityEvent {
  const event = buildServiceLoginEvent(header, original, message, timestamp, { ...found, service: 'ftp' });
  event.event.module = found.server;
  event.event.dataset = `${found.server}.log`;
  return event;
}
