import type { Random } from './prng.ts';
import type { SshdHostState, SyslogEvent } from './syslog-event.ts';
import { sshdMessage as m, systemMessage as s } from './sshd-messages.ts';

/** sshd's default MaxAuthTries: the sixth failure ends the connection. */
export const MAX_AUTH_TRIES = 6;

export interface FailedConnection {
  at: number;
  ip: string;
  port: number;
  user: string;
  /** The account does not exist: sshd logs `Invalid user` first and `for invalid user` after. */
  invalid: boolean;
  attempts: number;
}

/** One connection that fails `attempts` passwords and ends the way OpenSSH ends it. */
export function scriptFailedConnection(
  c: FailedConnection,
  host: SshdHostState,
  random: Random,
): SyslogEvent[] {
  const pid = host.nextPid();
  const out: SyslogEvent[] = [];
  const line = (at: number, message: string, auth?: SyslogEvent['auth']) =>
    out.push(auth ? { at, program: 'sshd', pid, message, auth } : { at, program: 'sshd', pid, message });
  const failure = { event: 'Failed' as const, user: c.user, ip: c.ip, count: 1 };
  const failedText = m.failedPassword(c.user, c.invalid, c.ip, c.port);
  let at = c.at;
  if (c.invalid) {
    line(at, m.invalidUser(c.user, c.ip), { event: 'Invalid', user: c.user, ip: c.ip, count: 1 });
    line(at, m.inputUserauthInvalid(c.user));
    for (let i = 0; i < c.attempts; i++) {
      line(at, m.pamCheckPassUnknown());
      if (i === 0) line(at, m.pamAuthFailure(c.ip));
      at += random.int(2, 3) * 1000;
      line(at, failedText, failure);
    }
  } else {
    line(at, m.pamAuthFailure(c.ip, c.user));
    at += random.int(2, 3) * 1000;
    line(at, failedText, failure);
    const more = c.attempts - 1;
    for (let i = 0; i < more; i++) at += random.int(2, 3) * 1000;
    // rsyslog folds the identical follow-up lines into one, written when the run ends.
    if (more >= 2) line(at, m.repeated(more, failedText), { ...failure, count: more });
    else if (more === 1) line(at, failedText, failure);
  }
  const who = c.invalid ? undefined : c.user;
  if (c.attempts >= MAX_AUTH_TRIES) {
    line(at, m.maxAttemptsExceeded(c.user, c.invalid, c.ip, c.port));
    line(at, m.disconnectingTooMany());
    line(at, m.pamMoreFailures(c.attempts - 1, c.ip, who));
    line(at, m.pamIgnoringMaxRetries(c.attempts));
  } else {
    at += random.int(0, 2) * 1000;
    line(at, m.receivedDisconnectPreauth(c.ip, c.port));
    line(at, m.disconnectedPreauth(c.ip, c.port));
    if (c.attempts > 1) line(at, m.pamMoreFailures(c.attempts - 1, c.ip, who));
  }
  return out;
}

export interface LoginConnection {
  at: number;
  ip: string;
  port: number;
  user: string;
  method: 'password' | 'publickey';
  /** Wrong passwords typed before the right one (password logins only). */
  typos: number;
  /** SHA256 key fingerprint for publickey logins. */
  key?: string;
  /** How long the session lasts; the close lines come at `at + durationMs`. */
  durationMs: number;
}

/** A successful login, optionally after typos, with its session opening and closing. */
export function scriptLogin(c: LoginConnection, host: SshdHostState, random: Random): SyslogEvent[] {
  const pid = host.nextPid();
  const out: SyslogEvent[] = [];
  const line = (at: number, message: string, auth?: SyslogEvent['auth']) =>
    out.push(auth ? { at, program: 'sshd', pid, message, auth } : { at, program: 'sshd', pid, message });
  let at = c.at;
  if (c.method === 'password' && c.typos > 0) {
    line(at, m.pamAuthFailure(c.ip, c.user));
    for (let i = 0; i < c.typos; i++) {
      at += random.int(2, 5) * 1000;
      line(at, m.failedPassword(c.user, false, c.ip, c.port), {
        event: 'Failed',
        user: c.user,
        ip: c.ip,
        count: 1,
      });
    }
    at += random.int(3, 8) * 1000;
  }
  const key = c.method === 'publickey' ? c.key : undefined;
  line(at, m.accepted(c.method, c.user, c.ip, c.port, key), {
    event: 'Accepted',
    user: c.user,
    ip: c.ip,
    count: 1,
  });
  line(at, m.sessionOpened(c.user));
  const session = host.nextSession();
  out.push({
    at,
    program: 'systemd-logind',
    pid: host.logindPid,
    message: s.logindNewSession(session, c.user),
  });
  const end = at + Math.max(1000, Math.round(c.durationMs / 1000) * 1000);
  line(end, m.receivedDisconnectByUser(c.ip, c.port));
  line(end, m.disconnected(c.ip, c.port));
  line(end, m.sessionClosed(c.user));
  out.push({
    at: end,
    program: 'systemd-logind',
    pid: host.logindPid,
    message: s.logindRemovedSession(session),
  });
  return out;
}

/** The hourly CRON job every Ubuntu host logs at minute 17. */
export function scriptCron(at: number, host: SshdHostState): SyslogEvent[] {
  const pid = host.nextPid();
  return [
    { at, program: 'CRON', pid, message: s.cronOpened() },
    { at, program: 'CRON', pid, message: s.cronClosed() },
  ];
}

export function scriptSudo(at: number, user: string, command: string): SyslogEvent[] {
  return [
    { at, program: 'sudo', pid: undefined, message: s.sudoCommand(user, command) },
    { at, program: 'sudo', pid: undefined, message: s.sudoOpened(user) },
    { at: at + 1000, program: 'sudo', pid: undefined, message: s.sudoClosed() },
  ];
}

/** A connection that never tries a password (banner grabbers, port scanners). */
export function scriptProbe(
  at: number,
  ip: string,
  port: number,
  host: SshdHostState,
  random: Random,
): SyslogEvent[] {
  const pid = host.nextPid();
  const message = random.chance(0.5) ? m.noIdentification(ip) : m.connectionClosedPreauth(ip, port);
  return [{ at, program: 'sshd', pid, message }];
}
