export interface LoginLimits {
  /** Failures per user name within the window before logins for that name are refused (5). */
  perUser: number;
  /** Failures per client address within the window (20). */
  perAddress: number;
  /** 15 minutes. */
  windowMs: number;
  /** Keys remembered at most; the stalest go first (bounds memory under a spray of names). */
  maxKeys: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUser: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

export interface LoginLimiter {
  /** Seconds until a login for this name from this address may be tried again; undefined when it may now. */
  retryAfter(userName: string, address: string): number | undefined;
  recordFailure(userName: string, address: string): void;
  /** A correct password clears the name's failures (not the address's: one good account must not reset them). */
  recordSuccess(userName: string): void;
}

/**
 * Failed logins in memory, per user name and per client address, over a sliding window. Time comes
 * from `now`, so tests drive it. One process only: several instances each count their own.
 */
export function createLoginLimiter(
  now: () => number,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): LoginLimiter {
  const failures = new Map<string, number[]>();
  const userKey = (name: string) => `user:${name.trim().toLowerCase()}`;
  const addressKey = (address: string) => `addr:${address}`;

  const recent = (key: string, at: number): number[] => {
    const times = failures.get(key);
    if (times === undefined) return [];
    const kept = times.filter((time) => time > at - limits.windowMs);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== times.length) failures.set(key, kept);
    return kept;
  };

  const waitFor = (key: string, limit: number, at: number): number | undefined => {
    const times = recent(key, at);
    if (times.length < limit) return undefined;
    const freeAt = (times[times.length - limit] as number) + limits.windowMs;
    return Math.max(1, Math.ceil((freeAt - at) / 1000));
  };

  const add = (key: string, at: number): void => {
    const times = recent(key, at);
    failures.delete(key); // re-inserted last: the Map's order is then stalest first
    failures.set(key, [...times, at]);
    while (failures.size > limits.maxKeys) {
      const stalest = failures.keys().next().value as string;
      failures.delete(stalest);
    }
  };

  return {
    retryAfter(userName, address) {
      const at = now();
      const waits = [
        waitFor(userKey(userName), limits.perUser, at),
        waitFor(addressKey(address), limits.perAddress, at),
      ].filter((wait): wait is number => wait !== undefined);
      return waits.length === 0 ? undefined : Math.max(...waits);
    },
    recordFailure(userName, address) {
      const at = now();
      add(userKey(userName), at);
      add(addressKey(address), at);
    },
    recordSuccess(userName) {
      failures.delete(userKey(userName));
    },
  };
}
