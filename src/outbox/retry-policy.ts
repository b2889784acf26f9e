import type { SendResult } from '../core/index.ts';

export interface RetryPolicy {
  /** First wait after a failed attempt (default 10 s). */
  baseMs: number;
  /** Longest wait between attempts (default 30 min). */
  maxDelayMs: number;
  /** Give up (dead-letter) once a notification is this old (default 24 h): retries go on for hours. */
  maxAgeMs: number;
  /** ± this fraction of randomness on each wait, so many retries do not hit a recovering peer at once. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 10_000,
  maxDelayMs: 30 * 60_000,
  maxAgeMs: 24 * 3_600_000,
  jitter: 0.2,
};

export type RetryDecision = { kind: 'retry'; at: number } | { kind: 'give-up'; why: string };

/**
 * When to try a notification again after a retryable failure: exponential backoff with jitter,
 * never earlier than the peer asked (Retry-After, Telegram's retry_after), and never past the
 * maximum age. `attempts` counts the attempts made so far (1 after the first failure).
 */
export function planRetry(
  result: Extract<SendResult, { kind: 'retry' }>,
  attempts: number,
  createdAt: number,
  now: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  const exponential = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (1 + policy.jitter * (2 * random() - 1));
  const at = Math.max(now + Math.round(jittered), result.retryAt ?? 0);
  if (at - createdAt > policy.maxAgeMs) {
    return {
      kind: 'give-up',
      why: `still failing after ${attempts} attempts over ${Math.round((now - createdAt) / 60_000)} min: ${result.message}`,
    };
  }
  return { kind: 'retry', at };
}
