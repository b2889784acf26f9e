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

export interface Reporter {
  /** Queues a short-form application event. Never throws, never waits; problems go to `onError`. */
  report(event: AppEventReport): void;
  /** Queues a raw ECS document (`@timestamp` and `service.name` are filled in when missing). */
  reportEcs(doc: EcsDocument): void;
  /** Sends everything queued so far; resolves once it was delivered or dropped. */
  flush(): Promise<void>;
  /** Stops taking events and flushes, waiting at most `closeTimeoutMs`. */
  close(): Promise<void>;
  stats(): ReporterStats;
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
}

/** A client for Klaxon's ingest API that batches events in memory and retries with backoff. */
export function createReporter(options: ReporterOptions): Reporter {
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

  const timer = setInterval(requestFlush, o.flushIntervalMs);
  timer.unref();

  function notify(init: ReporterErrorInit): void {
    try {
      o.onError(new ReporterError(init));
    } catch {
      // onError is the application's; its failure must not stop reporting.
    }
  }

  function enqueue(build: () => BuildResult): void {
    try {
      if (closing) return refuseAfterClose();
      const event = serializeEvent(build());
      if (!event.ok) return refuse(event.message);
      const { json, bytes } = event;
      if (queue.push({ seq: nextSeq++, json, bytes })) {
        dropped.overflow++;
        unreportedOverflow++;
        settle();
      }
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
      message: `queue full (maxQueue ${o.maxQueue}): dropped the ${count} oldest events`,
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
    setImmediate(() => void sendBatches());
  }

  async function sendBatches(): Promise<void> {
    try {
      while (shouldSend()) {
        inFlight = queue.take(o.batchSize, MAX_BATCH_BYTES);
        try {
          await deliver(inFlight);
        } finally {
          inFlight = [];
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

  async function deliver(batch: QueuedEvent[]): Promise<void> {
    const count = batch.length;
    const body = `[${batch.map((event) => event.json).join(',')}]`;
    const result = await deliverBatch(body, o, giveUp.signal, () => stats.retries++);
    if (result.kind === 'sent') {
      stats.sent += count;
    } else if (result.kind === 'abandoned') {
      dropped.closed += count;
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
      dropped.gaveUp += count;
      notify({ kind: 'gave-up', message: `gave up on ${count} events ${result.message}`, dropped: count });
    }
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
    let deadline: NodeJS.Timeout | undefined;
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
    dropped.closed += queue.clear();
    settle();
    // The batch in flight ends at once: its request and retry wait follow the abort signal.
    await drained;
    reportOverflow();
    const left = dropped.closed - closedBefore;
    if (left > 0)
      notify({
        kind: 'closed',
        message: `close() timed out: ${left} events were not delivered`,
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
    stats: () => ({
      queued: queue.length,
      sending: inFlight.length,
      sent: stats.sent,
      retries: stats.retries,
      dropped: { ...dropped },
    }),
  };
}
