/** sshd's own word for an authentication line, as Filebeat's `system.auth.ssh.event` names it. */
export type SshAuthEvent = 'Failed' | 'Invalid' | 'Accepted';

/** One auth.log line before formatting, with the authentication events it stands for. */
export interface SyslogEvent {
  /** Epoch milliseconds, always a whole second (syslog shows no fractions). */
  at: number;
  program: string;
  pid: number | undefined;
  message: string;
  /** Present on Failed/Invalid/Accepted lines; `count` is 5 for `message repeated 5 times: [...]`. */
  auth?: { event: SshAuthEvent; user: string; ip: string; count: number };
}

/** Hands out sshd process ids and login session numbers. */
export interface SshdHostState {
  logindPid: number;
  nextPid(): number;
  nextSession(): number;
}

export function createSshdHostState(nextPid: () => number): SshdHostState {
  let session = 0;
  return { logindPid: 1118, nextPid, nextSession: () => ++session };
}

/** Process ids the way a busy host hands them out: rising with small gaps, wrapping below pid_max. */
export function createPidAllocator(nextGap: () => number, firstPid = 1291): () => number {
  let pid = firstPid;
  return () => {
    pid += nextGap();
    if (pid > 32_000) pid = 1_300 + (pid % 1_000);
    return pid;
  };
}
