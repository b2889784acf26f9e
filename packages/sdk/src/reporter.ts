import { buildAppEvent } from './app-event.ts';
import type { AppEventReport } from './app-event.ts';
import { deliverBatch } from './deliver-batch.ts';
import { completeEcsDocument } from './ecs-document.ts';
import type { BuildResult, EcsDocument } from './ecs-document.ts';
import { FlushWaiters } from './flush-waiters.ts';
import { EventQueue, MAX_BATCH_BYTES } from './event-queue.ts';
import type { QueuedEvent } from './event-queue.ts';
import { DropLedger } from './drop-ledger.ts';
import { spillTo, spooledCount } from './spool.ts';
import { resolveReporterOptions } from './reporter-options.ts';
import type { ReporterOptions } from './reporter-options.ts';
import { serializeEvent } from './serialize-event.ts';
import { unref, utf8Bytes } from './portable.ts';
import { loginEvent } from './login-report.ts';
import type { LoginReport } from './login-report.ts';

export interface Reporter {
  /** Queues a short-form application event. Never throws, never waits; problems go to `onError`. */
  report(event: AppEventReport): void;
  /** Queues a raw ECS document (`@timestamp` and `service.name` are filled in when missing). */
  reportEcs(doc: EcsDocument): void;
  /** Sends everything queued so far; resolves once it was delivered or dropped. */
  flush(): Promise<void>;
  /** Stops taking events and flushes, waiting at most `closeTimeoutMs` (what is left goes to the spool, if any). */
  close(): Promise<void>;
  /**
   * Reports a login attempt of an Express/Fastify request (address from `req.ip`) or a fetch
   * `Request` (pass `ip`); the Express/Fastify helpers then do not report that request themselves.
   */
  reportLogin(req: object, login: LoginReport): void;
  stats(): ReporterStats;
  /** Events lost for good so far, for any reason (each loss is also told to `onDrop`). */
  readonly dropped: number;
}

export interface ReporterStats {
  /** Waiting for a batch. */
  queued: number;
  /** In the batch being sent (or waiting to be retried). */
  sending: number;
  /** Accepted by Klaxon. */
  sent: number;
  /** Requests repeated after a network error, 5xx or 429. */
  retries: number;
  /** Lost events, by reason (see ReporterErrorKind). */
  dropped: { invalid: number; rejected: number; gaveUp: number; overflow: number; closed: number };
  /** Events waiting in the spool. */
  spooled: number;
}

/** A client for Klaxon's ingest API that batches events in memory and retries with backoff. */
export function createReporter(options: ReporterOptions = {}): Reporter {
  const o = resolveReporterOptions(options);
  const queue = new EventQueue(o.maxQueue);
  const stats = { sent: 0, retries: 0 };
  const drops = new DropLedger(o.onError, o.onDrop, o.maxQueue);
  const dropped = drops.counts;
  const notify = drops.notify.bind(drops);
  const waiters = new FlushWaiters();
  const giveUp = new AbortController();
  let nextSeq = 1;
  let flushThrough = 0;
  let inFlight: QueuedEvent[] = [];
  let sending = false;
  let closing: Promise<void> | undefined;

  refill();
  const timer = setInterval(tick, o.flushIntervalMs);
  unref(timer);

  /** Moves spooled events back into the queue while it has room (on start, and after each delivery). */
  function refill(): void {
    const room = Math.floor(o.maxQueue / 2) - queue.length;
    if (!o.spool || room <= 0 || closing) return;
    try {
      if (o.spool.size === 0) return;
      for (const json of o.spool.take(room)) queue.push({ seq: nextSeq++, json, bytes: utf8Bytes(json) });
    } catch {
      // A spool that cannot be read keeps its events for the next start.
    }
  }

  function enqueue(build: () => BuildResult): void {
    try {
      if (closing) return drops.afterClose();
      const event = serializeEvent(build());
      if (!event.ok) return drops.invalid(event.message);
      const { json, bytes } = event;
      const evicted = queue.push({ seq: nextSeq++, json, bytes });
      if (evicted && spillTo(o.spool, [evicted]) > 0) drops.overflow();
      if (evicted) settle();
      if (queue.length >= o.batchSize) startSending();
    } catch {
      drops.invalid('the event could not be queued');
    }
  }

  /** Every flush interval; with nothing else to send, spooled events are tried again. */
  function tick(): void {
    if (queue.length === 0 && !sending) refill();
    requestFlush();
  }

  function requestFlush(): void {
    flushThrough = nextSeq - 1;
    drops.tellOverflow();
    startSending();
  }

  function shouldSend(): boolean {
    const first = queue.firstSeq;
    return (
      !giveUp.signal.aborted && first !== undefined && (queue.length >= o.batchSize || first <= flushThrough)
    );
  }

  function startSending(): void {
    if (sending || !shouldSend()) return;
    sending = true;
    // Off the caller's stack: report() returns before any request work starts.
    setTimeout(() => void sendBatches(), 0);
  }

  async function sendBatches(): Promise<void> {
    try {
      while (shouldSend()) {
        inFlight = queue.take(o.batchSize, MAX_BATCH_BYTES);
        let sent = false;
        try {
          sent = await deliver(inFlight);
        } finally {
          inFlight = [];
          // Spooled events come back only while Klaxon takes events, not to fail again.
          if (sent) refill();
          settle();
          drops.tellOverflow();
        }
      }
    } catch {
      // deliver() handles every expected failure; nothing may escape as an unhandled rejection.
    } finally {
      sending = false;
    }
  }

  async function deliver(batch: QueuedEvent[]): Promise<boolean> {
    const count = batch.length;
    const body = `[${batch.map((event) => event.json).join(',')}]`;
    const result = await deliverBatch(body, o, giveUp.signal, () => stats.retries++);
    if (result.kind === 'sent') {
      stats.sent += count;
      return true;
    } else if (result.kind === 'abandoned') {
      dropped.closed += spillTo(o.spool, batch);
    } else if (result.kind === 'rejected') {
      dropped.rejected += count;
      const { message, ...rest } = result;
      notify({
        ...rest,
        kind: 'rejected',
        message: `Klaxon refused ${count} events: ${message}`,
        dropped: count,
      });
    } else {
      const lost = spillTo(o.spool, batch);
      if (lost === 0) return false;
      dropped.gaveUp += lost;
      notify({
        kind: 'gave-up',
        message: `Klaxon could not be reached, so ${lost} events were dropped (${result.message})`,
        dropped: lost,
      });
    }
    return false;
  }

  /** Resolves the flush() calls whose events are all delivered or dropped. */
  function settle(): void {
    waiters.release(Math.min(inFlight[0]?.seq ?? Infinity, queue.firstSeq ?? Infinity, nextSeq));
  }

  function flush(): Promise<void> {
    const promise = waiters.wait(nextSeq - 1);
    requestFlush();
    settle();
    return promise;
  }

  async function closeNow(): Promise<void> {
    clearInterval(timer);
    let deadline: ReturnType<typeof setTimeout> | undefined;
    // Not unref'ed: the application asked to wait for its events.
    const timedOut = new Promise<'timeout'>((resolve) => {
      deadline = setTimeout(() => resolve('timeout'), o.closeTimeoutMs);
    });
    const drained = flush();
    const result = await Promise.race([drained, timedOut]);
    clearTimeout(deadline);
    if (result !== 'timeout') return;
    const closedBefore = dropped.closed;
    giveUp.abort();
    dropped.closed += spillTo(o.spool, queue.clear());
    settle();
    // The batch in flight ends at once: its request and retry wait follow the abort signal.
    await drained;
    drops.tellOverflow();
    const left = dropped.closed - closedBefore;
    if (left > 0)
      notify({
        kind: 'closed',
        message: `close() ran out of time (${o.closeTimeoutMs} ms) with ${left} events not delivered; they were dropped`,
        dropped: left,
      });
  }

  return {
    report: (event) => enqueue(() => buildAppEvent(event, o.service, o.now())),
    reportEcs: (doc) => enqueue(() => completeEcsDocument(doc, o.service, o.now())),
    flush: () => closing ?? flush(),
    close() {
      closing ??= closeNow();
      return closing;
    },
    reportLogin: (req, login) => enqueue(() => buildAppEvent(loginEvent(req, login), o.service, o.now())),
    get dropped() {
      return drops.total;
    },
    stats: () => ({
      spooled: spooledCount(o.spool),
      queued: queue.length,
      sending: inFlight.length,
      sent: stats.sent,
      retries: stats.retries,
      dropped: { ...dropped },
    }),
  };
}
