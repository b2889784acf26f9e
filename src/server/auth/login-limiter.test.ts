import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.ts';

const MINUTE = 60_000;

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: createLoginLimiter(() => clock.now) };
}

describe('login limiter', () => {
  it('allows five failures per user name in 15 minutes, case and spaces ignored, then says how long to wait', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('Alice', `10.0.0.${i}`)).toBeUndefined();
      limiter.recordFailure(i % 2 === 0 ? 'alice' : ' ALICE ', `10.0.0.${i}`);
      clock.now += MINUTE;
    }
    expect(limiter.retryAfter('alice', '10.9.9.9')).toBe(10 * 60);
    expect(limiter.retryAfter('bob', '10.9.9.9')).toBeUndefined();
    clock.now += 10 * MINUTE - 1_000;
    expect(limiter.retryAfter('alice', '10.9.9.9')).toBe(1);
    clock.now += 1_000;
    expect(limiter.retryAfter('alice', '10.9.9.9')).toBeUndefined();
  });

  it('allows twenty failures per address, whatever the names', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure(`user${i}`, '203.0.113.9');
    expect(limiter.retryAfter('someone-new', '203.0.113.9')).toBe(15 * 60);
    expect(limiter.retryAfter('someone-new', '203.0.113.10')).toBeUndefined();
  });

  it("clears a name's failures on success, but not its address's", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordFailure('alice', '203.0.113.9');
    limiter.recordSuccess('alice');
    for (let i = 0; i < 4; i++) limiter.recordFailure('alice', '203.0.113.9');
    expect(limiter.retryAfter('alice', '192.0.2.1')).toBeUndefined();
    for (let i = 0; i < 12; i++) limiter.recordFailure(`x${i}`, '203.0.113.9');
    expect(limiter.retryAfter('carol', '203.0.113.9')).toBeDefined();
  });

  it('forgets the stalest keys beyond its bound, so a spray of names cannot exhaust memory', () => {
    const clock = { now: 0 };
    const limiter = createLoginLimiter(() => clock.now, {
      perUser: 1,
      perAddress: 1_000,
      windowMs: 15 * MINUTE,
      maxKeys: 10,
    });
    limiter.recordFailure('first', '192.0.2.1');
    for (let i = 0; i < 20; i++) limiter.recordFailure(`name${i}`, '192.0.2.2');
    expect(limiter.retryAfter('first', '192.0.2.3')).toBeUndefined();
    expect(limiter.retryAfter('name19', '192.0.2.3')).toBeDefined();
  });
});
