import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows one message per second per chat', () => {
    const limiter = new RateLimiter([{ count: 1, perMs: 1_000 }]);
    expect(limiter.available(0)).toBe(1);
    limiter.take(0);
    expect(limiter.available(500)).toBe(0);
    expect(limiter.nextAllowedAt(500)).toBe(1_000);
    expect(limiter.available(1_000)).toBe(1);
  });

  it('applies every limit at once: 1 per second and 20 per minute', () => {
    const limiter = new RateLimiter([
      { count: 1, perMs: 1_000 },
      { count: 20, perMs: 60_000 },
    ]);
    let sent = 0;
    for (let now = 0; now < 60_000; now += 1_000) {
      if (limiter.available(now) > 0) {
        limiter.take(now);
        sent++;
      }
    }
    // One per second while the minute bucket (20, refilling one per 3 s) lasts: it runs dry after
    // 29 s (20 - 29 + 29/3 < 1), then one every 3 s for the remaining 31 s: 29 + 10.
    expect(sent).toBe(39);
  });
});
