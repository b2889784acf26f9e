import type { SecurityEvent } from '../../core/index.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import type { WebAdminLogin } from './match-web-admin-login.ts';

export { matchWebAdminLogin, webAdminAppAt } from './match-web-admin-login.ts';
export type { WebAdminApp, WebAdminLogin } from './match-web-admin-login.ts';

/** A web administration tool's login as an application's login event (see buildAppLoginEvent). */
export function mapWebAdminLogin(
  line: string,
  found: WebAdminLogin,
  time: number,
  host?: string,
): SecurityEvent {
  return buildAppLoginEvent(line, { ...found, dataset: `${found.app}.auth` }, time, host);
}
