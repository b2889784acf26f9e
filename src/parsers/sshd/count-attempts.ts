import type { SshdAuth } from './sshd-auth.ts';

/** Reports of one attempt from one connection come within this many ms of each other. */
const PAIR_MS = 5_000;
/** sshd's LoginGraceTime is 2 minutes by default; a connection idle for longer is forgotten. */
const FORGET_MS = 10 * 60_000;
/** Connections remembered at once; the oldest is forgotten first. */
const MAX_CONNECTIONS = 10_000;

interface Connection {
  /** Time of the connection's last authentication line. */
  time: number;
  /** A counted report (Failed or leading) not yet matched by the other report of the same attempt. */
  open: { kind: 'failed' | 'leading'; user: string | undefined; time: number } | undefined;
}

/**
 * Decides which lines count as a login attempt, so that one attempt is one failure (rules count
 * `event.action: ssh_login` with `system.auth.ssh.event: Failed`). Per connection (host and pid):
 * - `Failed METHOD` (not publickey) is an attempt, unless a leading report of the same user came just
 *   before (BSD/macOS `error: PAM: ...`, `not allowed because`): then that report counted it already;
 * - a leading report counts, unless a Failed line of the same user came just before (PAM after Failed);
 * - a trailing summary (MaxAuthTries, `Too many authentication failures`, a client leaving while
 *   authenticating, JSch's `Auth fail`) counts only when nothing else on its connection was logged;
 * - tcp_wrappers' `refused connect` always counts; Linux `pam_unix(sshd:auth)`, whose attempt sshd
 *   always logs as Failed too, never does; old Linux-PAM's `sshd(pam_unix)` failure leads (Red Hat
 *   wrote it to /var/log/messages and sshd's Failed line to /var/log/secure).
 * A leading report without a user (old PAM's for an unknown account) pairs with any user's.
 * Lines without a pid count as if alone. State is bounded (`maxConnections`, default MAX_CONNECTIONS) and
 * forgets idle connections.
 */
export function createAttemptCounter(
  maxConnections = MAX_CONNECTIONS,
): (auth: SshdAuth, host: string | undefined, pid: number | undefined, time: number) => boolean {
  // Host → pid → connection; one log rarely holds more than a few hosts. Oldest pids go first.
  const hosts = new Map<string, Map<number, Connection>>();
  // Per host, an iterator over its pids that stands at the oldest (pids are deleted only from there):
  // a new keys().next() each time walks past all the deleted pids the Map still holds, which made
  // forgetting cost more the longer the log (a quarter of parsing a million lines).
  const oldestPids = new Map<Map<number, Connection>, Iterator<number>>();
  let size = 0;

  function forgetOldest(): void {
    for (const connections of hosts.values()) {
      let pids = oldestPids.get(connections);
      if (pids === undefined) oldestPids.set(connections, (pids = connections.keys()));
      const oldest = pids.next();
      if (oldest.done === true) {
        // A finished iterator stays finished: the next pid of this host gets a new one.
        oldestPids.delete(connections);
        continue;
      }
      connections.delete(oldest.value);
      size--;
      return;
    }
  }

  return (auth, host, pid, time) => {
    if (auth.role === 'never') return false;
    if (auth.role === 'alone') return true;
    if (pid === undefined) return auth.role !== 'seen';
    let connections = hosts.get(host ?? '');
    if (connections === undefined) hosts.set(host ?? '', (connections = new Map()));
    let connection = connections.get(pid);
    const known = connection !== undefined && time - connection.time <= FORGET_MS;
    if (connection === undefined) {
      if (size >= maxConnections) forgetOldest();
      connection = { time, open: undefined };
      connections.set(pid, connection);
      size++;
    } else if (!known) {
      connection.open = undefined;
    }
    connection.time = time;
    return decide(connection, auth, known, time);
  };
}

function decide(connection: Connection, auth: SshdAuth, known: boolean, time: number): boolean {
  const open = connection.open;
  // A report without the user (old Linux-PAM's, for an unknown account) pairs with either user.
  const pairs =
    open !== undefined &&
    (open.user === auth.user || open.user === undefined || auth.user === undefined) &&
    time - open.time <= PAIR_MS;
  switch (auth.role) {
    case 'attempt':
      connection.open =
        pairs && open.kind === 'leading' ? undefined : { kind: 'failed', user: auth.user, time };
      return !(pairs && open.kind === 'leading');
    case 'leading':
      connection.open =
        pairs && open.kind === 'failed' ? undefined : { kind: 'leading', user: auth.user, time };
      return !(pairs && open.kind === 'failed');
    case 'trailing':
      return !known;
    default:
      return false;
  }
}
