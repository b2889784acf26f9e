import { postBatch } from './post-batch.ts';
import type { IngestErrorDetail } from './reporter-error.ts';
import type { ResolvedReporterOptions } from './reporter-options.ts';
import { computeRetryDelay } from './retry-delay.ts';

export type DeliveryResult =
  | { kind: 'sent' }
  | { kind: 'rejected'; message: string; status: number; details?: IngestErrorDetail[] }
  | { kind: 'gave-up'; message: string }
  /** The signal fired (close() stopped waiting) before the batch got through. */
  | { kind: 'abandoned' };

type DeliveryOptions = Pick<
  ResolvedReporterOptions,
  'endpoint' | 'token' | 'fetch' | 'requestTimeoutMs' | 'now' | 'sleep' | 'random' | 'retry'
>;

/**
 * Sends one batch (a JSON array) until Klaxon takes it, refuses it, or the attempts run out:
 * network errors, 408, 429 and 5xx are retried after an exponential, jittered wait that is never
 * shorter than Retry-After. `onRetry` is called before each wait.
 */
export async function deliverBatch(
  body: string,
  options: DeliveryOptions,
  signal: AbortSignal,
  onRetry: () => void,
): Promise<DeliveryResult> {
  const { endpoint, token, fetch, requestTimeoutMs: timeoutMs } = options;
  const request = { endpoint, token, body, fetch, timeoutMs, signal };
  for (let attempt = 1; ; attempt++) {
    const outcome = await postBatch(request, options.now);
    if (outcome.kind === 'accepted') return { kind: 'sent' };
    if (outcome.kind === 'rejected') return outcome;
    if (signal.aborted) return { kind: 'abandoned' };
    if (attempt >= options.retry.maxAttempts) {
      return { kind: 'gave-up', message: `after ${attempt} attempts: ${outcome.message}` };
    }
    onRetry();
    const delay = computeRetryDelay(attempt, outcome.retryAfterMs, options.retry, options.random);
    await options.sleep(delay, signal).catch(() => {});
  }
}
