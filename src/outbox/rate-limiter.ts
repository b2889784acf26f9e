/** A rate: `count` messages per `perMs` (Telegram: 1 per second per chat, 20 per minute per group). */
export interface RateLimit {
  count: number;
  perMs: number;
}

/**
 * Token buckets, one per limit, all of which must allow a message. Time comes from the caller, so
 * the dispatcher's tests drive it with an injected clock.
 */
export class RateLimiter {
  private readonly buckets: { limit: RateLimit; tokens: number; updatedAt: number }[];

  constructor(limits: readonly RateLimit[]) {
    this.buckets = limits.map((limit) => ({ limit, tokens: limit.count, updatedAt: -Infinity }));
  }

  /** How many messages may go out at `now`. */
  available(now: number): number {
    let available = Infinity;
    for (const bucket of this.buckets) {
      this.refill(bucket, now);
      available = Math.min(available, Math.floor(bucket.tokens));
    }
    return available;
  }

  /** Takes one token from every bucket; call only when `available(now) > 0`. */
  take(now: number): void {
    for (const bucket of this.buckets) {
      this.refill(bucket, now);
      bucket.tokens -= 1;
    }
  }

  /** When the next message may go out (now when one may already). */
  nextAllowedAt(now: number): number {
    let at = now;
    for (const bucket of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens < 1)
        at = Math.max(at, now + Math.ceil(((1 - bucket.tokens) * bucket.limit.perMs) / bucket.limit.count));
    }
    return at;
  }

  private refill(bucket: { limit: RateLimit; tokens: number; updatedAt: number }, now: number): void {
    if (bucket.updatedAt === -Infinity) {
      bucket.updatedAt = now;
      return;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(
      bucket.limit.count,
      bucket.tokens + (elapsed * bucket.limit.count) / bucket.limit.perMs,
    );
    bucket.updatedAt = now;
  }
}
