/** What one authentication-related sshd message says, before it becomes a SecurityEvent. */
export interface SshdAuth {
  /** `event.action`: `ssh_login` only for lines that are one login attempt each (see classify-sshd-message.ts). */
  action: SshdAction;
  outcome: 'success' | 'failure';
  /** Filebeat's `system.auth.ssh.event`; set only for `ssh_login`. */
  sshEvent: 'Accepted' | 'Failed' | 'Invalid' | undefined;
  /** `system.auth.ssh.method`: password, publickey, keyboard-interactive/pam, none, ... */
  method: string | undefined;
  /** `system.auth.ssh.signature`, e.g. `RSA SHA256:...`. */
  signature: string | undefined;
  user: string | undefined;
  /** The address as written; `ip` or `domain` says what it is. */
  address: string | undefined;
  ip: string | undefined;
  domain: string | undefined;
  port: number | undefined;
  /** `event.reason`, e.g. `not listed in AllowUsers`. */
  reason: string | undefined;
  /** How the line stands to the attempts of its connection; see count-attempts.ts. */
  role: AttemptRole;
}

/**
 * `attempt`: each line is a new attempt (`Failed password`). `leading`: reported before the Failed
 * line of the same attempt, if any (BSD PAM errors, `not allowed because`). `trailing`: a summary
 * after the attempts (MaxAuthTries, a client leaving mid-authentication). `seen`: shows the connection
 * is authenticating but is no attempt itself (`Invalid user`, `Failed publickey`). `alone`: an attempt
 * no other line reports (tcpwrappers' `refused connect`). `never`: not counted (Linux pam_unix, Accepted).
 */
export type AttemptRole = 'attempt' | 'leading' | 'trailing' | 'seen' | 'alone' | 'never';

export type SshdAction =
  | 'ssh_login'
  | 'ssh_pam_auth_failure'
  | 'ssh_pam_more_auth_failures'
  | 'ssh_max_auth_attempts'
  | 'ssh_too_many_auth_failures'
  | 'ssh_preauth_close'
  | 'ssh_root_login_refused'
  | 'ssh_user_not_allowed'
  | 'ssh_publickey_rejected'
  | 'ssh_pam_error'
  | 'ssh_refused_connect'
  | 'ssh_auth_fail_disconnect'
  | 'ssh_preauth_disconnect'
  | 'ssh_failed_repeat'
  | ProbeAction;

/** Connections that ended before any authentication (see match-probe.ts): `event.category: network`. */
export type ProbeAction =
  | 'ssh_no_identification'
  | 'ssh_bad_protocol'
  | 'ssh_negotiation_failed'
  | 'ssh_protocol_error'
  | 'ssh_login_grace_timeout'
  | 'ssh_closed_before_auth';

const PROBE_ACTIONS: ReadonlySet<string> = new Set<ProbeAction>([
  'ssh_no_identification',
  'ssh_bad_protocol',
  'ssh_negotiation_failed',
  'ssh_protocol_error',
  'ssh_login_grace_timeout',
  'ssh_closed_before_auth',
]);

export function isProbeAction(action: SshdAction): action is ProbeAction {
  return PROBE_ACTIONS.has(action);
}

export const NOT_AUTH = 'sshd-not-auth';
export const MALFORMED = 'malformed-sshd-message';
/** An RFC 5424 line with the nil timestamp `-`: there is no event time to place it at. */
export const NO_TIMESTAMP = 'syslog-without-time';
/** A line of another program than the SSH servers', or one that reports nothing read. */
export const NOT_SSHD = 'not-sshd';
export type SshdSkip = typeof NOT_AUTH | typeof MALFORMED;

export function createSshdAuth(
  action: SshdAction,
  outcome: SshdAuth['outcome'],
  role: AttemptRole = 'never',
): SshdAuth {
  return {
    role,
    action,
    outcome,
    sshEvent: undefined,
    method: undefined,
    signature: undefined,
    user: undefined,
    address: undefined,
    ip: undefined,
    domain: undefined,
    port: undefined,
    reason: undefined,
  };
}
