/** Dropbear, the other SSH server: its own messages (match-dropbear.ts) in the same logs. */
export const DROPBEAR = 'dropbear';

/**
 * Syslog program names SSH servers log under: OpenSSH 9.8 moved the per-connection work to
 * `sshd-session`, and 10.0 moved authentication on to `sshd-auth`; and Dropbear.
 */
const SSHD_PROGRAMS = ['sshd', 'sshd-session', 'sshd-auth', DROPBEAR];

export function isSshdProgram(program: string | undefined): boolean {
  return program !== undefined && sshdProgramAt(program, 0, program.length) !== undefined;
}

/** The SSH server's program name that `text` holds from `start` to `end`, or undefined: no string is made. */
export function sshdProgramAt(text: string, start: number, end: number): string | undefined {
  for (const name of SSHD_PROGRAMS)
    if (name.length === end - start && text.startsWith(name, start)) return name;
  return undefined;
}
