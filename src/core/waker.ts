/** A sleep that ends early when its time is up, its signal aborts, or someone calls `wake()`. */
export interface Waker {
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  wake(): void;
}

/**
 * A `wake()` while nobody sleeps is kept for the next `sleep`, which then returns at once: a loop
 * woken between looking for work and going to sleep (a row enqueued while it read the outbox)
 * must not sleep through the news.
 */
export function createWaker(): Waker {
  const sleepers = new Set<() => void>();
  let woken = false;
  return {
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (signal.aborted || woken) {
          woken = false;
          return resolve();
        }
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
        signal.addEventListener('abort', done, { once: true });
      });
    },
    wake() {
      if (sleepers.size === 0) woken = true;
      for (const done of [...sleepers]) done();
    },
  };
}
