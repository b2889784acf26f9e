export interface BackoffPolicy {
  /** Wait after the first failure (default 250 ms). */
  baseMs: number;
  /** Longest wait (default 10 s): a recovered dependency is noticed within this. */
  maxMs: number;
  /** ± this fraction of randomness, so loops retrying together spread out (default 0.3). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 10_000, jitter: 0.3 };

/** How long to wait after the `attempts`-th failure in a row: exponential, capped, jittered. */
export function backoffDelay(
  attempts: number,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + policy.jitter * (2 * random() - 1)));
}
