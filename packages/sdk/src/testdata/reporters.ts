import { afterEach, beforeEach } from 'vitest';
import { createReporter } from '../reporter.ts';
import type { Reporter } from '../reporter.ts';
import type { ReporterError } from '../reporter-error.ts';
import type { ReporterOptions } from '../reporter-options.ts';
import { INGEST_TOKEN, startIngestReceiver } from './ingest-receiver.ts';
import type { IngestReceiver } from './ingest-receiver.ts';

/** A stand-in Klaxon and the reporters a test points at it; fresh for each test. */
export interface ReporterKit {
  readonly receiver: IngestReceiver;
  /** What the reporters' `onError` got during the test (unless a test gives its own). */
  readonly errors: ReporterError[];
  /**
   * A reporter for service `shop-web` sending to the receiver, flushing only when asked (every
   * 60 s), closed after the test; the kit's defaults, then `options`, override that.
   */
  reporterFor(options?: Partial<ReporterOptions>): Reporter;
  /** Closes the test's app or server after the reporters have, before the receiver stops. */
  closeAfter(close: () => Promise<unknown>): void;
}

/** Registers the hooks that start the receiver before each test and close everything after it. */
export function useReporters(defaults: Partial<ReporterOptions> = {}): ReporterKit {
  let receiver: IngestReceiver | undefined;
  const errors: ReporterError[] = [];
  const reporters: Reporter[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const kit: ReporterKit = {
    get receiver() {
      if (receiver === undefined) throw new Error('the ingest receiver runs only during a test');
      return receiver;
    },
    errors,
    reporterFor: (options = {}) => {
      const reporter = createReporter({
        url: kit.receiver.url,
        token: INGEST_TOKEN,
        service: 'shop-web',
        flushIntervalMs: 60_000,
        onError: (error) => errors.push(error),
        ...defaults,
        ...options,
      });
      reporters.push(reporter);
      return reporter;
    },
    closeAfter: (close) => void closers.push(close),
  };
  beforeEach(async () => {
    errors.length = 0;
    receiver = await startIngestReceiver();
  });
  afterEach(async () => {
    await Promise.all(reporters.splice(0).map((reporter) => reporter.close()));
    await Promise.all(closers.splice(0).map((close) => close()));
    await kit.receiver.close();
    receiver = undefined;
  });
  return kit;
}
