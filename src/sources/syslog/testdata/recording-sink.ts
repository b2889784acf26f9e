import type { SourceBatch, SourceDependencies, SourceSink, SourceStatus } from '../../source.ts';

/** A sink that records what it gets; `hold()` makes deliveries wait until `release()` (backpressure). */
export class RecordingSink implements SourceSink {
  readonly batches: SourceBatch[] = [];
  readonly statuses: SourceStatus[] = [];
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  async deliver(batch: SourceBatch): Promise<void> {
    this.batches.push(batch);
    await this.gate;
  }

  status(status: SourceStatus): void {
    this.statuses.push(status);
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.gate = undefined;
    this.open?.();
  }

  lines(): string[] {
    return this.batches.flatMap((batch) => (batch.kind === 'lines' ? batch.lines : []));
  }

  lastStatus(): SourceStatus | undefined {
    return this.statuses.at(-1);
  }
}

/** Polls `condition` every few ms; fails naming `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The real sleep, cut to at most `capMs` so that bind retries happen quickly in tests. */
export function cappedSleep(capMs: number, calls: number[] = []): SourceDependencies['sleep'] {
  return (ms, signal) => {
    calls.push(ms);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(ms, capMs));
      signal.addEventListener('abort', done, { once: true });
    });
  };
}
