import type { EventSource, SourceBatch, SourceDependencies, SourceStatus } from '../../src/sources/index.ts';

const SLEEP_DEADLINE_MS = 5_000;

export interface SteppedSource {
  batches: SourceBatch[];
  statuses: SourceStatus[];
  /** The injected clock, epoch ms; moved only by `wake` and `advance`. */
  now(): number;
  advance(ms: number): void;
  /** Every document delivered so far, in order. */
  documents(): Record<string, unknown>[];
  lastStatus(): SourceStatus | undefined;
  /**
   * Resolves with the requested ms once the source sleeps (it finished a poll, or failed and
   * backs off); rejects when it does not within a few seconds.
   */
  nextSleep(): Promise<number>;
  /** Ends the current sleep, moving the clock on by the time it asked for. */
  wake(): void;
  /** `wake`, then wait for the next sleep: one more poll (or retry). */
  step(): Promise<number>;
  /** Aborts the run and waits for it to return. */
  stop(): Promise<void>;
}

/**
 * Runs a polling source with an injected clock and a sleep the test ends, so each poll happens
 * exactly when the test says. A poll source runs until its first sleep before this resolves.
 */
export function stepSource(
  create: (dependencies: SourceDependencies) => EventSource,
  options: { start: number; resumeFrom?: unknown },
): SteppedSource {
  let clock = options.start;
  let sleeping: { ms: number; end: () => void } | undefined;
  let waiter: ((ms: number) => void) | undefined;
  const batches: SourceBatch[] = [];
  const statuses: SourceStatus[] = [];
  const controller = new AbortController();
  const dependencies: SourceDependencies = {
    resumeFrom: options.resumeFrom,
    now: () => clock,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const onAbort = () => resolve();
        sleeping = {
          ms,
          end: () => {
            signal.removeEventListener('abort', onAbort);
            clock += ms;
            resolve();
          },
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter?.(ms);
        waiter = undefined;
      }),
    fetch: globalThis.fetch,
  };
  const source = create(dependencies);
  const running = source.run(
    {
      deliver: async (batch) => {
        batches.push(batch);
      },
      status: (status) => statuses.push(status),
    },
    controller.signal,
  );

  const nextSleep = (): Promise<number> => {
    if (sleeping) return Promise.resolve(sleeping.ms);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the source did not sleep within ${SLEEP_DEADLINE_MS} ms`)),
        SLEEP_DEADLINE_MS,
      );
      waiter = (ms) => {
        clearTimeout(timer);
        resolve(ms);
      };
    });
  };
  const wake = () => {
    const current = sleeping;
    if (!current) throw new Error('the source is not sleeping');
    sleeping = undefined;
    current.end();
  };

  return {
    batches,
    statuses,
    now: () => clock,
    advance: (ms) => {
      clock += ms;
    },
    documents: () => batches.flatMap((batch) => (batch.kind === 'documents' ? batch.documents : [])),
    lastStatus: () => statuses[statuses.length - 1],
    nextSleep,
    wake,
    step: () => {
      wake();
      return nextSleep();
    },
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
