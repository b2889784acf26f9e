import type { SshdAuth } from './sshd-auth.ts';
import { isProbeAction } from './sshd-auth.ts';

/**
 * Gives a counted attempt the action brute-force rules count (`ssh_login`, `Failed`), keeping what the
 * line was in `event.reason`; a Failed line that repeats an attempt already counted gets its own action.
 * A probe is never an attempt (a counted one is a connection that logged nothing else).
 */
export function markAttempt(auth: SshdAuth, counted: boolean): void {
  if (isProbeAction(auth.action)) return;
  if (auth.role === 'attempt') {
    if (!counted) auth.action = 'ssh_failed_repeat';
    return;
  }
  if (!counted || auth.action === 'ssh_login') return;
  auth.reason ??= REASONS[auth.action] ?? auth.action;
  auth.action = 'ssh_login';
  auth.sshEvent = 'Failed';
}

const REASONS: Record<string, string> = {
  ssh_max_auth_attempts: 'maximum authentication attempts exceeded',
  ssh_too_many_auth_failures: 'too many authentication failures',
  ssh_preauth_close: 'closed during authentication',
  ssh_auth_fail_disconnect: 'client reported Auth fail',
  ssh_root_login_refused: 'root login refused',
  ssh_pam_auth_failure: 'PAM authentication failure',
};
