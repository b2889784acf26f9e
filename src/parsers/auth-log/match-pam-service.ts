import { isHostName, normalizeIp } from '../sshd/parse-address.ts';

/** A PAM authentication failure of a service other than sshd, su and sudo (vsftpd, dovecot, login, ...). */
export interface PamServiceFailure {
  /** The PAM service (`vsftpd` in `pam_unix(vsftpd:auth)`), undefined in the old `(pam_unix)` form. */
  service: string | undefined;
  user: string | undefined;
  ip: string | undefined;
  domain: string | undefined;
  /** The address as written. */
  address: string | undefined;
}

const MODERN = 'pam_unix(';
const MODERN_TAIL = ':auth): authentication failure; ';
/** Forms without the service: Linux PAM's old `(pam_unix) ...`, and `pam_unix: ...`, `pam_unix(auth): ...`. */
const UNNAMED = [
  '(pam_unix) authentication failure; ',
  'pam_unix: authentication failure; ',
  'pam_unix(auth): authentication failure; ',
];
/** su and sudo have lines of their own (match-su.ts, match-sudo.ts); sshd's are read by the sshd classifier. */
const SERVICES_READ_ELSEWHERE = new Set(['su', 'su-l', 'sudo', 'sudo-i', 'sshd']);
const RHOST = ' rhost=';

/**
 * Whether a message at `start` may be a PAM authentication failure, without making a string: the
 * cheap test for lines of programs the parser otherwise skips.
 */
export function mayBePamServiceFailure(text: string, start: number): boolean {
  return (
    text.startsWith(MODERN, start) ||
    text.startsWith(UNNAMED[0] as string, start) ||
    text.startsWith(UNNAMED[1] as string, start)
  );
}

/**
 * `pam_unix(SERVICE:auth): authentication failure; logname=L uid=N euid=N tty=T ruser=R rhost=H[  user=U]`
 * (or a form without SERVICE): for these services PAM's line is the only record of a failed
 * password (sshd writes its own, which is why sshd's is no attempt). pam_unix writes `rhost=H `
 * and then, when it knows the user, ` user=U`. R and U are what the client sent (an FTP client's
 * USER) and may hold ` rhost=` too: the address is the one ` rhost=H` followed by nothing or by
 * ` user=`; when the client's text makes more than one such, the event keeps no address rather than
 * one the client wrote. Undefined when the message is none of these.
 */
export function matchPamServiceFailure(message: string): PamServiceFailure | undefined {
  let service: string | undefined;
  let fieldsAt = -1;
  for (const form of UNNAMED) if (message.startsWith(form)) fieldsAt = form.length;
  if (fieldsAt < 0) {
    if (!message.startsWith(MODERN)) return undefined;
    const tail = message.indexOf(MODERN_TAIL, MODERN.length);
    if (tail <= MODERN.length || tail > MODERN.length + 32) return undefined;
    service = message.slice(MODERN.length, tail);
    if (SERVICES_READ_ELSEWHERE.has(service)) return undefined;
    fieldsAt = tail + MODERN_TAIL.length;
  }
  const found: PamServiceFailure = {
    service,
    user: undefined,
    ip: undefined,
    domain: undefined,
    address: undefined,
  };
  let chosen = -1;
  let valueEnd = -1;
  for (let at = message.indexOf(RHOST, fieldsAt); at >= 0; at = message.indexOf(RHOST, at + RHOST.length)) {
    let end = message.indexOf(' ', at + RHOST.length);
    if (end < 0) end = message.length;
    if (!endsFields(message, end)) continue;
    if (chosen >= 0) return found; // two that fit: the client wrote one of them
    chosen = at;
    valueEnd = end;
  }
  if (chosen < 0) return found;
  const userAt = message.indexOf(' user=', valueEnd);
  if (userAt >= 0 && userAt <= valueEnd + 1) {
    const user = message.slice(userAt + 6).trimEnd();
    if (user !== '') found.user = user;
  }
  const host = message.slice(chosen + RHOST.length, valueEnd);
  const ip = normalizeIp(host);
  if (ip !== undefined || isHostName(host)) {
    found.address = host;
    found.ip = ip;
    found.domain = ip === undefined ? host : undefined;
  }
  return found;
}

/** Whether what follows an rhost value at `end` is the end of PAM's fields: blanks only, or ` user=`. */
function endsFields(message: string, end: number): boolean {
  let at = end;
  while (message.charCodeAt(at) === 32) at++;
  return at === message.length || (at - end <= 2 && message.startsWith('user=', at));
}
