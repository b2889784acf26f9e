import { backoffDelay } from '../backoff.ts';
import type { ComponentHealth } from './component-health.ts';
import { reasonOf } from './component-health.ts';
import type { LiveClock } from './live-clock.ts';
import type { LivePipeline } from './live-pipeline.ts';
import type { RunningSource } from './source-runner.ts';

/** The component name under which store commits report. */
export const STORE_COMPONENT = 'store';

export interface LoopParts {
  health: ComponentHealth;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
}

/**
 * The ticker: every `tickMs` event time advances and pending changes are committed. A failed tick
 * (store unreachable) is reported once and retried after a backoff with jitter; each turn starts
 * from what the pipeline holds, never from the failure of the one before.
 */
export async function runTicker(
  clock: LiveClock,
  tickMs: number,
  onCommitted: () => void,
  parts: LoopParts,
  signal: AbortSignal,
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    await parts.sleep(failures === 0 ? tickMs : backoffDelay(failures), signal);
    if (signal.aborted) break;
    try {
      if (await clock.tick()) onCommitted();
      failures = 0;
      parts.health.ok(STORE_COMPONENT);
    } catch (error) {
      failures = parts.health.retrying(STORE_COMPONENT, error);
    }
  }
}

/**
 * What a source does after each batch: commit it. When the store fails, the source waits (and so
 * stops reading: backpressure) until the ticker's retries get through; the batch's detections are
 * pending again in the pipeline, so that commit writes them.
 */
export function commitAfterBatch(
  pipeline: LivePipeline,
  onCommitted: () => void,
  health: ComponentHealth,
  signal: AbortSignal,
): () => Promise<void> {
  return async () => {
    if (!pipeline.hasPendingChanges) return;
    try {
      await pipeline.commit();
    } catch (error) {
      health.retrying(STORE_COMPONENT, error);
      await health.whenOk(STORE_COMPONENT, signal);
      return;
    }
    health.ok(STORE_COMPONENT);
    onCommitted();
  };
}

/**
 * Runs one source until `signal` aborts. A source that ends or throws before that (a bug: expected
 * trouble is reported through its status) is started again after a backoff.
 */
export async function superviseSource(
  source: RunningSource,
  pipeline: LivePipeline,
  afterBatch: () => Promise<void>,
  parts: LoopParts,
  signal: AbortSignal,
): Promise<void> {
  const component = `source ${source.name}`;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await source.run(pipeline, afterBatch, signal);
      if (signal.aborted) return;
      throw new Error('stopped reading');
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      source.status = { state: 'failing', message: `stopped by an internal error: ${reasonOf(error)}` };
      source.failingSince ??= parts.now();
      parts.health.retrying(component, error);
      await parts.sleep(backoffDelay(failures), signal);
    }
  }
}
