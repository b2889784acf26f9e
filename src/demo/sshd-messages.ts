/**
 * The text of sshd, PAM, CRON and sudo messages exactly as OpenSSH on Ubuntu writes them to
 * /var/log/auth.log (compare /work/shared/datasets/sshd/auth.log). Message text only: the
 * `timestamp host program[pid]: ` prefix is added by syslog-line.ts.
 */
export const sshdMessage = {
  failedPassword: (user: string, invalid: boolean, ip: string, port: number) =>
    `Failed password for ${invalid ? 'invalid user ' : ''}${user} from ${ip} port ${port} ssh2`,
  /** rsyslog folds identical consecutive lines; the bracketed line stands for `times` more events. */
  repeated: (times: number, message: string) => `message repeated ${times} times: [ ${message}]`,
  invalidUser: (user: string, ip: string) => `Invalid user ${user} from ${ip}`,
  inputUserauthInvalid: (user: string) => `input_userauth_request: invalid user ${user} [preauth]`,
  accepted: (method: 'password' | 'publickey', user: string, ip: string, port: number, key?: string) =>
    `Accepted ${method} for ${user} from ${ip} port ${port} ssh2${key ? `: RSA SHA256:${key}` : ''}`,
  pamAuthFailure: (ip: string, user?: string) =>
    `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}${
      user ? `  user=${user}` : ''
    }`,
  pamCheckPassUnknown: () => 'pam_unix(sshd:auth): check pass; user unknown',
  maxAttemptsExceeded: (user: string, invalid: boolean, ip: string, port: number) =>
    `error: maximum authentication attempts exceeded for ${invalid ? 'invalid user ' : ''}${user} from ${ip} port ${port} ssh2 [preauth]`,
  disconnectingTooMany: () => 'Disconnecting: Too many authentication failures [preauth]',
  pamMoreFailures: (more: number, ip: string, user?: string) =>
    `PAM ${more} more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}${
      user ? `  user=${user}` : ''
    }`,
  pamIgnoringMaxRetries: (attempts: number) => `PAM service(sshd) ignoring max retries; ${attempts} > 3`,
  connectionClosedPreauth: (ip: string, port: number) => `Connection closed by ${ip} port ${port} [preauth]`,
  receivedDisconnectPreauth: (ip: string, port: number) =>
    `Received disconnect from ${ip} port ${port}:11:  [preauth]`,
  disconnectedPreauth: (ip: string, port: number) => `Disconnected from ${ip} port ${port} [preauth]`,
  noIdentification: (ip: string) => `Did not receive identification string from ${ip}`,
  sessionOpened: (user: string) => `pam_unix(sshd:session): session opened for user ${user} by (uid=0)`,
  sessionClosed: (user: string) => `pam_unix(sshd:session): session closed for user ${user}`,
  receivedDisconnectByUser: (ip: string, port: number) =>
    `Received disconnect from ${ip} port ${port}:11: disconnected by user`,
  disconnected: (ip: string, port: number) => `Disconnected from ${ip} port ${port}`,
} as const;

export const systemMessage = {
  logindNewSession: (session: number, user: string) => `New session ${session} of user ${user}.`,
  logindRemovedSession: (session: number) => `Removed session ${session}.`,
  cronOpened: () => 'pam_unix(cron:session): session opened for user root by (uid=0)',
  cronClosed: () => 'pam_unix(cron:session): session closed for user root',
  /** sudo right-aligns the user name in eight columns: `sudo:    alice : TTY=...`. */
  sudoCommand: (user: string, command: string) =>
    `${user.padStart(8)} : TTY=pts/0 ; PWD=/home/${user} ; USER=root ; COMMAND=${command}`,
  sudoOpened: (user: string) => `pam_unix(sudo:session): session opened for user root by ${user}(uid=0)`,
  sudoClosed: () => 'pam_unix(sudo:session): session closed for user root',
} as const;
