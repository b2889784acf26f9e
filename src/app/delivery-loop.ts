import type { ConfiguredChannel, DispatcherOptions, PassResult } from '../outbox/index.ts';
import { Dispatcher } from '../outbox/index.ts';
import type { HeartbeatSchedule } from '../routing/index.ts';
import { pingHeartbeat } from '../routing/index.ts';
import type { Store } from '../store/index.ts';
import { backoffDelay } from './backoff.ts';

export interface DeliveryLoopOptions {
  store: Store;
  channels: readonly ConfiguredChannel[];
  worker: string;
  /** Periodic "Klaxon is alive" messages, and the dead man's switch URL pinged with each round. */
  heartbeat?: { schedule: HeartbeatSchedule; pingUrl?: string };
  now: () => number;
  /** Waits `ms` or until `signal` aborts; tests pass one that moves their clock instead. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  /** How long to wait when nothing is due (default 500 ms). */
  idleMs?: number;
  fetch?: typeof globalThis.fetch;
  leaseMs?: number;
  onDelivered?: DispatcherOptions['onDelivered'];
  onOutcome?: DispatcherOptions['onOutcome'];
  onDead?: DispatcherOptions['onDead'];
  /**
   * Told after every round: `undefined` when it went through, else why it failed. With it, a
   * failed round (store unreachable) is retried after a backoff with jitter instead of ending
   * the loop; without it, the error ends the loop (a one-shot `klaxon deliver`).
   */
  onRound?: (error: unknown) => void;
}

/**
 * Delivers from the outbox until `signal` aborts: a dispatcher pass whenever something is due,
 * heartbeat messages when their interval comes (saying the last serial and the dead letters),
 * and a ping of the heartbeat URL with each heartbeat round, so that Klaxon's own silence shows.
 */
export async function runDeliveryLoop(options: DeliveryLoopOptions): Promise<PassResult> {
  const dispatcher = new Dispatcher({
    store: options.store,
    channels: options.channels,
    worker: options.worker,
    now: options.now,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.leaseMs !== undefined && { leaseMs: options.leaseMs }),
    ...(options.onDelivered && { onDelivered: options.onDelivered }),
    ...(options.onOutcome && { onOutcome: options.onOutcome }),
    ...(options.onDead && { onDead: options.onDead }),
  });
  const total: PassResult = { sent: 0, retried: 0, dead: 0 };
  const news = listenForEnqueues(options.store);
  try {
    await deliverUntilAborted(options, dispatcher, news, total);
  } finally {
    news.stop();
  }
  return total;
}

interface EnqueueNews {
  /** Whether rows were enqueued since the last call. */
  take(): boolean;
  /** Sleeps `ms`, or less when rows are enqueued meanwhile. */
  sleep(options: DeliveryLoopOptions, ms: number): Promise<void>;
  stop(): void;
}

/** The store tells of every enqueue in this process: the loop sleeps only while nothing is new. */
function listenForEnqueues(store: Store): EnqueueNews {
  let enqueued = false;
  let sleeping: AbortController | undefined;
  const stop = store.onOutboxEnqueued(() => {
    enqueued = true;
    sleeping?.abort();
  });
  return {
    take() {
      const news = enqueued;
      enqueued = false;
      return news;
    },
    async sleep(options, ms) {
      if (enqueued) return;
      sleeping = new AbortController();
      try {
        await options.sleep(ms, AbortSignal.any([options.signal, sleeping.signal]));
      } finally {
        sleeping = undefined;
      }
    },
    stop,
  };
}

async function deliverUntilAborted(
  options: DeliveryLoopOptions,
  dispatcher: Dispatcher,
  news: EnqueueNews,
  total: PassResult,
): Promise<void> {
  let failures = 0;
  while (!options.signal.aborted) {
    let pass: PassResult;
    try {
      news.take();
      await beat(options);
      pass = await dispatcher.runOnce();
      failures = 0;
      options.onRound?.(undefined);
    } catch (error) {
      if (!options.onRound) throw error;
      failures++;
      options.onRound(error);
      await options.sleep(backoffDelay(failures), options.signal);
      continue;
    }
    total.sent += pass.sent;
    total.retried += pass.retried;
    total.dead += pass.dead;
    if (pass.sent + pass.retried + pass.dead === 0) {
      const nextBeat = options.heartbeat?.schedule.nextDueAt();
      const idle = options.idleMs ?? 500;
      const wait = nextBeat === undefined ? idle : Math.max(0, Math.min(idle, nextBeat - options.now()));
      await news.sleep(options, wait);
    }
  }
}

async function beat(options: DeliveryLoopOptions): Promise<void> {
  const heartbeat = options.heartbeat;
  if (!heartbeat) return;
  const now = options.now();
  const next = heartbeat.schedule.nextDueAt();
  if (next === undefined || next > now) return;
  const [latest] = await options.store.incidents.list({ limit: 1 });
  const deadLetters = (await options.store.outbox.health()).reduce((sum, channel) => sum + channel.dead, 0);
  const due = heartbeat.schedule.tick(now, { lastSerial: latest?.serial ?? 0, deadLetters });
  if (due.length > 0) await options.store.transaction((tx) => tx.outbox.enqueue(due, now));
  if (heartbeat.pingUrl) {
    // The result is not acted on: a failed ping is exactly what the watcher on the other side notices.
    await pingHeartbeat(heartbeat.pingUrl, options.fetch ?? globalThis.fetch, AbortSignal.timeout(10_000));
  }
}
