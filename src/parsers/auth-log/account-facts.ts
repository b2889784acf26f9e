/**
 * What one line of a Linux account program (sudo, su, useradd, groupadd, usermod, userdel, gpasswd)
 * says, before it becomes a SecurityEvent (build-account-event.ts). Named as Filebeat's system
 * module (auth fileset) names these lines' fields.
 */
export interface AccountFacts {
  action: AccountAction;
  outcome: 'success' | 'failure';
  category: string[];
  type: string[];
  /** `user.name`: who acted (sudo's and su's caller), or the account a line is about (useradd). */
  user: string | undefined;
  userId: string | undefined;
  /** `user.effective.name`: whom sudo runs the command as, whom su switches to. */
  effectiveUser: string | undefined;
  /** `user.target.name`: the account another one acted on (usermod, userdel, gpasswd). */
  targetUser: string | undefined;
  groupName: string | undefined;
  groupId: string | undefined;
  /** `system.auth.sudo.*`. */
  sudo: SudoFields | undefined;
  /** `system.auth.useradd.*`. */
  useradd: { home: string; shell: string } | undefined;
  /** `event.reason`: an error's words (`user NOT in sudoers`, `3 incorrect password attempts`). */
  reason: string | undefined;
}

export interface SudoFields {
  error?: string;
  tty?: string;
  pwd?: string;
  user?: string;
  command?: string;
}

/**
 * `sudo_command` (allowed, or failed for another reason), `sudo_not_allowed` (sudoers refused the
 * user or the command), `sudo_auth_failure` (wrong passwords); `su`; and, as Winlogbeat names the
 * same Windows events, `added-user-account`, `added-group-account`, `deleted-user-account`,
 * `added-member-to-group`.
 */
export type AccountAction =
  | 'sudo_command'
  | 'sudo_not_allowed'
  | 'sudo_auth_failure'
  | 'su'
  | 'added-user-account'
  | 'added-group-account'
  | 'deleted-user-account'
  | 'added-member-to-group';

export function createAccountFacts(
  action: AccountAction,
  outcome: AccountFacts['outcome'],
  category: string[],
  type: string[],
): AccountFacts {
  return {
    action,
    outcome,
    category,
    type,
    user: undefined,
    userId: undefined,
    effectiveUser: undefined,
    targetUser: undefined,
    groupName: undefined,
    groupId: undefined,
    sudo: undefined,
    useradd: undefined,
    reason: undefined,
  };
}

/** Skip reason of a line of these programs that is none of the above (a PAM session line, ...). */
export const NOT_ACCOUNT = 'account-line-unused';
/** Skip reason of a line of these programs in a known shape whose parts are garbled. */
export const MALFORMED_ACCOUNT = 'malformed-account-line';
export type AccountSkip = typeof NOT_ACCOUNT | typeof MALFORMED_ACCOUNT;
