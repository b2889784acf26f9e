/** A sleep that ends early when its time is up, its signal aborts, or someone calls `wake()`. */
export interface Waker {
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  wake(): void;
}

export function createWaker(): Waker {
  const sleepers = new Set<() => void>();
  return {
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (signal.aborted) return resolve();
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
      for (const done of [...sleepers]) done();
    },
  };
}
