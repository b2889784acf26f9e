import { buildAppEvent } from './app-event.ts';
import type { AppEventReport } from './app-event.ts';
import { deliverBatch } from './deliver-batch.ts';
import { completeEcsDocument } from './ecs-document.ts';
import type { BuildResult, EcsDocument } from './ecs-document.ts';
import { FlushWaiters } from './flush-waiters.ts';
import { EventQueue, MAX_BATCH_BYTES } from './event-queue.ts';
import type { QueuedEvent } from './event-queue.ts';
import { ReporterError } from './reporter-error.ts';
import type { ReporterErrorInit } from './reporter-error.ts';
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
  const dropped = { invalid: 0, rejected: 0, gaveUp: 0, overflow: 0, closed: 0 };
  const waiters = new FlushWaiters();
  const giveUp = new AbortController();
  let nextSeq = 1;
  let flushThrough = 0;
  let inFlight: QueuedEvent[] = [];
  let sending = false;
  let closing: Promise<void> | undefined;
  let unreportedOverflow = 0;
  let closedNoticeSent = false;

  function safeSize(): number {
    try {
      return o.spool?.size ?? 0;
    } catch {
      return 0;
    }
  }

  refill();
  const timer = setInterval(requestFlush, o.flushIntervalMs);
  unref(timer);

  function notify(init: ReporterErrorInit): void {
    try {
      o.onError(new ReporterError(init));
    } catch {
      // onError is the application's; its failure must not stop reporting.
    }
    try {
      if (init.dropped > 0) o.onDrop(init.dropped, init.message);
    } catch {
      // As above.
    }
  }

  /** Hands events to the spool; returns how many it could not take (none without a spool: all). */
  function spill(events: readonly { json: string }[]): number {
    if (!o.spool || events.length === 0) return events.length;
    try {
      return o.spool.save(events.map((event) => event.json));
    } catch {
      return events.length;
    }
  }

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
      if (closing) return refuseAfterClose();
      const event = serializeEvent(build());
      if (!event.ok) return refuse(event.message);
      const { json, bytes } = event;
      const evicted = queue.push({ seq: nextSeq++, json, bytes });
      if (evicted && spill([evicted]) > 0) {
        dropped.overflow++;
        unreportedOverflow++;
      }
      if (evicted) settle();
      if (queue.length >= o.batchSize) startSending();
    } catch {
      refuse('the event could not be queued');
    }
  }

  function refuse(message: string): void {
    dropped.invalid++;
    notify({ kind: 'invalid', message, dropped: 1 });
  }

  function refuseAfterClose(): void {
    dropped.closed++;
    if (closedNoticeSent) return;
    closedNoticeSent = true;
    notify({ kind: 'closed', message: 'event reported after close(); dropped', dropped: 1 });
  }

  /** One notice per flush or batch sent at most, however many events overflow in between. */
  function reportOverflow(): void {
    if (unreportedOverflow === 0) return;
    const count = unreportedOverflow;
    unreportedOverflow = 0;
    notify({
      kind: 'overflow',
      message: `the in-memory queue was full (${o.maxQueue} events) and no spool could take more, so the ${count} oldest events were dropped`,
      dropped: count,
    });
  }

  function requestFlush(): void {
    flushThrough = nextSeq - 1;
    reportOverflow();
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
          reportOverflow();
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
      dropped.closed += spill(batch);
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
      const lost = spill(batch);
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
    dropped.closed += spill(queue.clear());
    settle();
    // The batch in flight ends at once: its request and retry wait follow the abort signal.
    await drained;
    reportOverflow();
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
      return Object.values(dropped).reduce((sum, count) => sum + count, 0);
    },
    stats: () => ({
      spooled: safeSize(),
      queued: queue.length,
      sending: inFlight.length,
      sent: stats.sent,
      retries: stats.retries,
      dropped: { ...dropped },
    }),
  };
}
