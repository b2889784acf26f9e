import { createFailureWindows } from './failure-windows.ts';

export interface LoginLimits {
  /** Failures of one name from one address within the window before that pair is refused (5). */
  perNameAndAddress: number;
  /** Failures from one address within the window, whatever the names, before it is refused (20). */
  perAddress: number;
  /** 15 minutes. */
  windowMs: number;
  /**
   * Per name there is never a refusal (that would let anyone lock a person out): only a delay
   * before the password is checked, growing with the name's failures from every address.
   */
  slowdown: { freeFailures: number; firstDelayMs: number; maxDelayMs: number };
  /** Keys remembered at most; the stalest go first (bounds memory under a spray of names). */
  maxKeys: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perNameAndAddress: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
  slowdown: { freeFailures: 3, firstDelayMs: 500, maxDelayMs: 10_000 },
  maxKeys: 10_000,
};

/** May a login be tried now: refused for `retryAfter` seconds, or allowed after `delayMs`. */
export type LoginVerdict = { kind: 'refused'; retryAfter: number } | { kind: 'allowed'; delayMs: number };

export interface LoginLimiter {
  check(userName: string, address: string): LoginVerdict;
  recordFailure(userName: string, address: string): void;
  /** A correct password clears the name's failures (not the address's: one good account must not reset them). */
  recordSuccess(userName: string, address: string): void;
}

/**
 * Failed logins in memory over a sliding window, counted per (name, address), per address and per
 * name. Time comes from `now`, so tests drive it. One process only: several instances each count
 * their own.
 */
export function createLoginLimiter(
  now: () => number,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): LoginLimiter {
  const windows = createFailureWindows(limits.windowMs, limits.maxKeys);
  const name = (userName: string) => userName.trim().toLowerCase();
  const nameKey = (userName: string) => `name:${name(userName)}`;
  const pairKey = (userName: string, address: string) => `pair:${address} ${name(userName)}`;
  const addressKey = (address: string) => `addr:${address}`;

  const slowdown = (failures: number): number => {
    const { freeFailures, firstDelayMs, maxDelayMs } = limits.slowdown;
    if (failures <= freeFailures) return 0;
    return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(30, failures - freeFailures - 1));
  };

  return {
    check(userName, address) {
      const at = now();
      const waits = [
        windows.waitSeconds(pairKey(userName, address), limits.perNameAndAddress, at),
        windows.waitSeconds(addressKey(address), limits.perAddress, at),
      ].filter((wait): wait is number => wait !== undefined);
      if (waits.length > 0) return { kind: 'refused', retryAfter: Math.max(...waits) };
      return { kind: 'allowed', delayMs: slowdown(windows.count(nameKey(userName), at)) };
    },
    recordFailure(userName, address) {
      const at = now();
      windows.add(pairKey(userName, address), at);
      windows.add(addressKey(address), at);
      windows.add(nameKey(userName), at);
    },
    recordSuccess(userName, address) {
      windows.clear(nameKey(userName));
      windows.clear(pairKey(userName, address));
    },
  };
}
