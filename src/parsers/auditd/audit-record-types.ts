/**
 * ECS `event.category` and `event.type` of the audit record types that say who did what (as
 * Filebeat's auditd module files them); other types get neither. The record type itself, in lower
 * case, is `event.action`.
 */
export interface RecordKind {
  category: string;
  type: readonly string[];
  /** `acct` names the account acted on (`user.target.name`), not only the one acting. */
  targetsAccount?: boolean;
}

const AUTH_INFO: RecordKind = { category: 'authentication', type: ['info'] };
const IAM = (type: readonly string[]): RecordKind => ({ category: 'iam', type, targetsAccount: true });

export const RECORD_KINDS: ReadonlyMap<string, RecordKind> = new Map<string, RecordKind>([
  ['USER_AUTH', AUTH_INFO],
  ['USER_ACCT', AUTH_INFO],
  ['USER_ERR', AUTH_INFO],
  ['CRED_ACQ', AUTH_INFO],
  ['CRED_REFR', AUTH_INFO],
  ['CRED_DISP', AUTH_INFO],
  ['ANOM_LOGIN_FAILURES', AUTH_INFO],
  ['ANOM_LOGIN_LOCATION', AUTH_INFO],
  ['ANOM_LOGIN_SESSIONS', AUTH_INFO],
  ['ANOM_LOGIN_TIME', AUTH_INFO],
  ['USER_LOGIN', { category: 'authentication', type: ['start'] }],
  ['USER_LOGOUT', { category: 'authentication', type: ['end'] }],
  ['USER_START', { category: 'session', type: ['start'] }],
  ['USER_END', { category: 'session', type: ['end'] }],
  ['USER_CMD', { category: 'process', type: ['start'] }],
  ['EXECVE', { category: 'process', type: ['start'] }],
  ['SYSCALL', { category: 'process', type: ['info'] }],
  ['SERVICE_START', { category: 'process', type: ['start'] }],
  ['SERVICE_STOP', { category: 'process', type: ['end'] }],
  ['SYSTEM_BOOT', { category: 'host', type: ['info'] }],
  ['SYSTEM_SHUTDOWN', { category: 'host', type: ['info'] }],
  ['CONFIG_CHANGE', { category: 'configuration', type: ['change'] }],
  ['DAEMON_CONFIG', { category: 'configuration', type: ['change'] }],
  ['USER_CHAUTHTOK', IAM(['user', 'change'])],
  ['USER_MGMT', IAM(['user', 'change'])],
  ['ADD_USER', IAM(['user', 'creation'])],
  ['DEL_USER', IAM(['user', 'deletion'])],
  ['ADD_GROUP', IAM(['group', 'creation'])],
  ['DEL_GROUP', IAM(['group', 'deletion'])],
  ['GRP_MGMT', IAM(['group', 'change'])],
  ['GRP_CHAUTHTOK', IAM(['group', 'change'])],
]);
