import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, planRetry } from './retry-policy.ts';

const retry = (retryAt?: number) => ({
  kind: 'retry' as const,
  reason: 'server' as const,
  message: '503 Service Unavailable',
  ...(retryAt !== undefined && { retryAt }),
});
const noJitter = () => 0.5;

describe('planRetry', () => {
  it('doubles the wait after each attempt up to the maximum', () => {
    const waits = [1, 2, 3, 4, 10, 20].map((attempts) => {
      const decision = planRetry(retry(), attempts, 0, 0, noJitter);
      return decision.kind === 'retry' ? decision.at : undefined;
    });
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 1_800_000, 1_800_000]);
  });

  it('spreads waits by the jitter fraction', () => {
    const low = planRetry(retry(), 1, 0, 0, () => 0);
    const high = planRetry(retry(), 1, 0, 0, () => 1);
    expect([low, high]).toEqual([
      { kind: 'retry', at: 8_000 },
      { kind: 'retry', at: 12_000 },
    ]);
  });

  it('waits at least until the time the peer asked for', () => {
    expect(planRetry(retry(300_000), 1, 0, 0, noJitter)).toEqual({ kind: 'retry', at: 300_000 });
  });

  it('gives up once the notification would be older than the maximum age', () => {
    const now = DEFAULT_RETRY_POLICY.maxAgeMs - 1_000;
    const decision = planRetry(retry(), 30, 0, now, noJitter);
    expect(decision.kind).toBe('give-up');
    expect(decision.kind === 'give-up' && decision.why).toMatch(
      /after 30 attempts .*503 Service Unavailable/,
    );
  });
});
