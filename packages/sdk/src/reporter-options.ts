import { MAX_BATCH_EVENTS } from './event-queue.ts';
import type { ReporterError } from './reporter-error.ts';
import type { EventSpool } from './spool.ts';
import { unref } from './portable.ts';
import { DEFAULT_RETRY_POLICY } from './retry-delay.ts';
import type { RetryPolicy } from './retry-delay.ts';

export interface ReporterOptions {
  /** Klaxon's base URL (`https://klaxon.internal:8080`; default `$KLAXON_URL`); `/api/v1/events` is added unless already there. */
  url?: string;
  /** An API token with the `ingest` scope (default `$KLAXON_TOKEN`). */
  token?: string;
  /** This application's name, sent as `service.name` (default `$KLAXON_SERVICE`). */
  service?: string;
  /** Events per request (1-1000, default 100); a batch is sent as soon as it is full. */
  batchSize?: number;
  /** Send whatever is queued this often (default 1000 ms). */
  flushIntervalMs?: number;
  /** Events kept waiting at most (default 10,000); beyond, the oldest are dropped and counted. */
  maxQueue?: number;
  fetch?: typeof globalThis.fetch;
  /** Epoch milliseconds; stamps events and reads Retry-After dates. */
  now?: () => number;
  /** Told about every lost event (default: a console warning). Must not throw; if it does, it is ignored. */
  onError?: (error: ReporterError) => void;
  /** Told how many events were lost and why, in plain words (also counted in `reporter.dropped`). */
  onDrop?: (count: number, reason: string) => void;
  /** Where events go instead of being dropped (see `fileSpool` in `@klaxon/sdk/node`); replayed on start. */
  spool?: EventSpool;
  /** Waits between retries; the signal fires when close() stops waiting. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Per request, reading the answer included (default 10 s). */
  requestTimeoutMs?: number;
  /** How long close() waits for queued events to be delivered (default 10 s). */
  closeTimeoutMs?: number;
}

export type ResolvedReporterOptions = Required<Omit<ReporterOptions, 'url' | 'retry' | 'spool'>> & {
  token: string;
  service: string;
  spool: EventSpool | undefined;
  endpoint: string;
  retry: RetryPolicy;
};

/** Options with defaults filled in; throws a TypeError naming the bad option (never echoing the token). */
export function resolveReporterOptions(options: ReporterOptions = {}): ResolvedReporterOptions {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createReporter(): options must be an object');
  const token = options.token ?? readEnv('KLAXON_TOKEN');
  const service = options.service ?? readEnv('KLAXON_SERVICE');
  if (typeof token !== 'string' || token.trim() === '' || /[\s\0]/.test(token)) {
    throw new TypeError(
      'createReporter(): "token" (or $KLAXON_TOKEN) must be a non-empty API token without spaces',
    );
  }
  if (typeof service !== 'string' || service.trim() === '') {
    throw new TypeError('createReporter(): "service" (or $KLAXON_SERVICE) must name this application');
  }
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  return {
    endpoint: resolveIngestEndpoint(options.url ?? readEnv('KLAXON_URL')),
    token,
    service,
    batchSize: readInteger('batchSize', options.batchSize, 100, 1, MAX_BATCH_EVENTS),
    flushIntervalMs: readInteger('flushIntervalMs', options.flushIntervalMs, 1000, 1),
    maxQueue: readInteger('maxQueue', options.maxQueue, 10_000, 1),
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    onError: options.onError ?? warnOnConsole,
    onDrop: options.onDrop ?? (() => {}),
    spool: options.spool,
    sleep: options.sleep ?? sleepUnref,
    random: options.random ?? Math.random,
    retry: {
      baseDelayMs: readInteger('retry.baseDelayMs', retry.baseDelayMs, 0, 0),
      maxDelayMs: readInteger('retry.maxDelayMs', retry.maxDelayMs, 0, 0),
      maxAttempts: readInteger('retry.maxAttempts', retry.maxAttempts, 1, 1),
      jitter: Math.min(1, Math.max(0, Number(retry.jitter) || 0)),
    },
    requestTimeoutMs: readInteger('requestTimeoutMs', options.requestTimeoutMs, 10_000, 1),
    closeTimeoutMs: readInteger('closeTimeoutMs', options.closeTimeoutMs, 10_000, 0),
  };
}

/** The ingest endpoint for a Klaxon base URL (or for the endpoint URL itself). */
function resolveIngestEndpoint(url: unknown): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new TypeError('createReporter(): "url" (or $KLAXON_URL) must be an absolute http(s) URL of Klaxon');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError('createReporter(): "url" must use http or https');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TypeError('createReporter(): "url" must not carry credentials; pass the token as "token"');
  }
  parsed.search = '';
  parsed.hash = '';
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = path.endsWith('/api/v1/events') ? path : `${path}/api/v1/events`;
  return parsed.toString();
}

function readInteger(name: string, value: unknown, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
    throw new TypeError(`createReporter(): "${name}" must be an integer ${range}`);
  }
  return value;
}

function warnOnConsole(error: ReporterError): void {
  console.warn(`klaxon: ${error.message}`);
}

/** A wait that neither keeps the process alive nor outlasts the signal. */
function sleepUnref(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = unref(setTimeout(done, ms));
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** An environment variable where the runtime has `process.env` (Node, Bun; not most edge runtimes). */
function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}
