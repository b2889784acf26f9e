export interface RetryPolicy {
  /** Wait after the first failed attempt; doubles with each further failure. */
  baseDelayMs: number;
  /** Longest wait the backoff reaches by itself. */
  maxDelayMs: number;
  /** Attempts per batch, the first included, before the batch is dropped. */
  maxAttempts: number;
  /** ± this fraction of randomness on each wait, so restarted applications do not retry in step. */
  jitter: number;
}

// About two minutes of retries: long enough to ride out a Klaxon restart or deploy.
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  jitter: 0.2,
};

/** A Retry-After beyond this is treated as this, so a wrong header cannot stall reporting for hours. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * How long to wait before attempt `attempt + 1`: exponential backoff with jitter, and never less
 * than the server asked for with Retry-After.
 */
export function computeRetryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential * (1 + policy.jitter * (2 * random() - 1)));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** Retry-After as a delay in ms: delay-seconds (`120`) or an HTTP-date; unreadable values are ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
