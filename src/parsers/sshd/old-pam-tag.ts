/**
 * Linux-PAM before 0.99 (Red Hat and Fedora until about 2006; Loghub's Linux log) tagged its lines
 * with the service and module as the program, `sshd(pam_unix)[PID]: authentication failure; ...`,
 * where later versions write `sshd[PID]: pam_unix(sshd:auth): authentication failure; ...`. The
 * PID is the service's own, so a line reads as the later form would.
 */
const OLD_TAG_END = '(pam_unix)';
const FAILURE = 'authentication failure; ';
/** Service names are program names: a few dozen characters at most. */
const LONGEST_SERVICE = 32;

/** The service of an old tag that `text` holds from `start` to `end` (`sshd` in `sshd(pam_unix)`), or undefined. */
export function oldPamServiceAt(text: string, start: number, end: number): string | undefined {
  const serviceEnd = end - OLD_TAG_END.length;
  if (serviceEnd <= start || serviceEnd - start > LONGEST_SERVICE) return undefined;
  if (!text.startsWith(OLD_TAG_END, serviceEnd)) return undefined;
  return text.slice(start, serviceEnd);
}

/** An old tag's failure message in the later form, undefined for its other messages (`check pass; user unknown`, sessions). */
export function laterPamFailure(service: string, message: string): string | undefined {
  return message.startsWith(FAILURE) ? `pam_unix(${service}:auth): ${message}` : undefined;
}
