import type { ChannelDefinition, FailureReason, Notification } from '../core/index.ts';
import { ConflictError, NotFoundError } from '../core/index.ts';
import type { OutboxEntry, Store } from '../store/index.ts';
import type { RateLimit } from './rate-limiter.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { DEFAULT_RETRY_POLICY, planRetry } from './retry-policy.ts';
import { sendNotification } from './send-notification.ts';
import { forEachInFlight } from './in-flight.ts';

/** A channel as configured in klaxon.yaml: its plug-in, settings, secrets and rate limits. */
export interface ConfiguredChannel {
  name: string;
  // The dispatcher handles every channel type alike; each definition checks its own payload type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: ChannelDefinition<any, any, any>;
  config: unknown;
  secrets: unknown;
  rateLimits?: readonly RateLimit[];
}

export interface DispatcherOptions {
  store: Store;
  channels: readonly ConfiguredChannel[];
  /** This instance's name, for leases: several dispatchers may share one PostgreSQL. */
  worker: string;
  now: () => number;
  random?: () => number;
  fetch?: typeof globalThis.fetch;
  /** How long one send may take before it counts as a timeout (default 10 s). */
  timeoutMs?: number;
  /** Notifications claimed per channel and pass (default 20). */
  batchSize?: number;
  /** How long a claim lasts; a crashed dispatcher's claims are taken over after it (default 60 s). */
  leaseMs?: number;
  retryPolicy?: RetryPolicy;
  /** A notification reached its channel: the cooldown of its incident starts now. */
  onDelivered?: (notification: Notification, at: number) => void;
  /** A notification went to the dead letters (the incident's next notification need not wait for it). */
  onDead?: (notification: Notification, at: number) => void;
  /** Every attempt's outcome, for metrics. */
  onOutcome?: (channel: string, outcome: keyof PassResult) => void;
}

export interface PassResult {
  sent: number;
  retried: number;
  dead: number;
}

/** Messages about one incident go out one after another, in order; others may overlap. */
function orderKey(entry: OutboxEntry): string {
  const incident = entry.notification.incident;
  return incident === undefined ? `notification ${entry.notification.id}` : `incident ${incident.serial}`;
}

/**
 * Delivers from the outbox only. Each channel is worked on its own, concurrently, so one
 * channel's outage or slowness never delays another; within a channel, notifications go out in
 * order (or, for a channel with `maxInFlight` above 1, that many at once, those about one
 * incident still in order) and within its rate limits. Channels only classify outcomes; retries, backoff, the
 * maximum age and dead letters are decided here, and a dead letter raises a meta-alert on the
 * other channels.
 */
export class Dispatcher {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly byName: Map<string, ConfiguredChannel>;
  /** Per channel whose pass failed half-way (the store went away): claimed entries not yet done. */
  private readonly interrupted = new Set<string>();
  /** Sent, but the store failed to record it: recorded first thing next pass, never sent again. */
  private readonly sentUnrecorded = new Map<
    string,
    { notification: Notification; at: number; providerId?: string }
  >();

  constructor(private readonly options: DispatcherOptions) {
    this.byName = new Map(options.channels.map((channel) => [channel.name, channel]));
    for (const channel of options.channels)
      this.limiters.set(channel.name, new RateLimiter(channel.rateLimits ?? []));
  }

  /** One pass over every channel with due notifications. */
  async runOnce(): Promise<PassResult> {
    await this.recordEarlierSends();
    const now = this.options.now();
    const { channels } = await this.options.store.outbox.due(now);
    const names = new Set([...channels, ...this.interrupted]);
    const results = await Promise.all(
      [...names].filter((name) => this.byName.has(name)).map((name) => this.runChannel(name)),
    );
    return results.reduce(
      (sum, r) => ({ sent: sum.sent + r.sent, retried: sum.retried + r.retried, dead: sum.dead + r.dead }),
      {
        sent: 0,
        retried: 0,
        dead: 0,
      },
    );
  }

  /**
   * Works one channel's claimed entries in order. When the store fails half-way (even during the
   * claim, whose outcome is then unknown), the rows this worker claimed stay leased to it and look
   * taken to everyone else: the next pass reads them back from the store and takes them up, instead
   * of leaving them until the lease ends. One worker works a channel one claim at a time, so its
   * sending rows of that channel are exactly those.
   */
  private async runChannel(name: string): Promise<PassResult> {
    try {
      const result = await this.workChannel(name);
      this.interrupted.delete(name);
      return result;
    } catch (error) {
      this.interrupted.add(name);
      throw error;
    }
  }

  private async leftClaimed(name: string, now: number): Promise<OutboxEntry[]> {
    if (!this.interrupted.has(name)) return [];
    const sending = await this.options.store.outbox.list({ channel: name, state: ['sending'] });
    return sending
      .filter((entry) => entry.claimedBy === this.options.worker && (entry.claimedUntil ?? 0) > now)
      .sort((a, b) => a.notification.sequence - b.notification.sequence);
  }

  private async workChannel(name: string): Promise<PassResult> {
    const result: PassResult = { sent: 0, retried: 0, dead: 0 };
    const channel = this.byName.get(name) as ConfiguredChannel;
    const limiter = this.limiters.get(name) as RateLimiter;
    const now = this.options.now();
    const left = await this.leftClaimed(name, now);
    const room = Math.min(this.options.batchSize ?? 20, limiter.available(now));
    if (room <= 0 && left.length === 0) return result;
    const entries =
      left.length > 0
        ? left
        : await this.options.store.outbox.claim(
            name,
            this.options.worker,
            now,
            room,
            this.options.leaseMs ?? 60_000,
          );
    await forEachInFlight(entries, channel.definition.maxInFlight ?? 1, orderKey, async (entry) => {
      limiter.take(this.options.now());
      const outcome = await this.deliver(channel, entry);
      result[outcome]++;
      this.options.onOutcome?.(name, outcome);
    });
    return result;
  }

  private async deliver(channel: ConfiguredChannel, entry: OutboxEntry): Promise<keyof PassResult> {
    const { notification } = entry;
    const sent = await sendNotification(channel, notification, {
      now: this.options.now,
      ...(this.options.fetch && { fetch: this.options.fetch }),
      ...(this.options.timeoutMs !== undefined && { timeoutMs: this.options.timeoutMs }),
    });
    const now = this.options.now();
    const outbox = this.options.store.outbox;
    if (sent.kind === 'ok') {
      try {
        await outbox.markSent(notification.id, now, sent.providerMessageId);
      } catch (error) {
        const providerId = sent.providerMessageId;
        this.sentUnrecorded.set(notification.id, {
          notification,
          at: now,
          ...(providerId && { providerId }),
        });
        throw error;
      }
      this.options.onDelivered?.(notification, now);
      return 'sent';
    }
    if (sent.kind === 'retry') {
      const plan = planRetry(
        sent,
        Math.max(1, entry.attempts), // the claim counted this attempt already
        // A person's retry of a dead letter starts its maximum age afresh.
        entry.retriedAt ?? entry.createdAt,
        now,
        this.options.random ?? Math.random,
        this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      );
      if (plan.kind === 'retry') {
        await outbox.markRetry(notification.id, plan.at, sent.reason, sent.message);
        return 'retried';
      }
      await this.deadLetter(channel, notification, sent.reason, plan.why, now);
      return 'dead';
    }
    await this.deadLetter(channel, notification, sent.reason, sent.message, now);
    return 'dead';
  }

  /**
   * Records the sends the store failed to record. A write that failed may have committed all the
   * same (the link was cut after the commit, before its answer): an entry that is no longer sending
   * (sent by that write, or moved on by a person) has nothing left to record, and must not stop
   * every later pass with its refusal.
   */
  private async recordEarlierSends(): Promise<void> {
    for (const [id, { notification, at, providerId }] of this.sentUnrecorded) {
      try {
        await this.options.store.outbox.markSent(id, at, providerId);
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      }
      this.sentUnrecorded.delete(id);
      this.options.onDelivered?.(notification, at);
    }
  }

  /** Dead-letters the notification and tells every other channel, in one transaction. */
  private async deadLetter(
    channel: ConfiguredChannel,
    notification: Notification,
    reason: FailureReason,
    message: string,
    now: number,
  ): Promise<void> {
    const others = this.options.channels.filter((other) => other.name !== channel.name);
    this.options.onDead?.(notification, now);
    await this.options.store.transaction(async (tx) => {
      await tx.outbox.markDead(notification.id, now, reason, message);
      if (notification.kind === 'meta') return; // a meta-alert that fails does not raise another
      await tx.outbox.enqueue(
        others.map((other) => ({
          id: `meta:${notification.id}:${other.name}`,
          kind: 'meta' as const,
          channel: other.name,
          detail: 'full' as const,
          text: `Channel ${channel.name} could not deliver message ${notification.sequence}${notification.incident ? ` (incident #${notification.incident.serial})` : ''}: ${message}`,
          createdAt: now,
        })),
        now,
      );
    });
  }
}
