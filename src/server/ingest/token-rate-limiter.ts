/** Events per interval a token may send; a burst of one interval's worth is allowed. */
export interface IngestRateLimit {
  events: number;
  perMs: number;
}

/** A token bucket per API token, on an injected clock. */
export class TokenRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: IngestRateLimit,
    private readonly now: () => number,
  ) {}

  /** Takes `count` events from the token's bucket: 0 when allowed, else the seconds to wait. */
  take(tokenId: string, count: number): number {
    const now = this.now();
    const rate = this.limit.events / this.limit.perMs;
    const bucket = this.buckets.get(tokenId) ?? { tokens: this.limit.events, at: now };
    bucket.tokens = Math.min(this.limit.events, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(tokenId, bucket);
    // A request larger than the whole bucket could never pass: let it through when the bucket is full.
    const needed = Math.min(count, this.limit.events);
    if (bucket.tokens >= needed) {
      bucket.tokens -= count;
      return 0;
    }
    return Math.max(1, Math.ceil((needed - bucket.tokens) / rate / 1000));
  }
}
