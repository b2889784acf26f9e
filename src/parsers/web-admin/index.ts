import type { SecurityEvent } from '../../core/index.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import type { WebAdminLogin } from './match-web-admin-login.ts';

export { matchWebAdminLogin, webAdminAppAt } from './match-web-admin-login.ts';
export type { WebAdminApp, WebAdminLogin } from './match-web-admin-login.ts';

/**
 * A web administration tool's login as an application's login event, which the application rules
 * count: `event.action: login` with its outcome, `service.name` the tool (`webmin`, `usermin`,
 * `phpmyadmin`), `event.category: [authentication, web]`, `user.name`, `source.ip`.
 */
export function mapWebAdminLogin(
  line: string,
  found: WebAdminLogin,
  time: number,
  host?: string,
): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time,
    outcome: found.outcome,
    module: found.app,
    dataset: `${found.app}.auth`,
    category: ['authentication', 'web'],
    action: 'login',
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: found.app,
    host,
  });
}
