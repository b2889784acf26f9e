/**
 * Syslog program names sshd logs under: OpenSSH 9.8 moved the per-connection work to
 * `sshd-session`, and 10.0 moved authentication on to `sshd-auth`.
 */
const SSHD_PROGRAMS = new Set(['sshd', 'sshd-session', 'sshd-auth']);

export function isSshdProgram(program: string | undefined): boolean {
  return program !== undefined && SSHD_PROGRAMS.has(program);
}
