import { describe, expect, it } from 'vitest';
import { createLoginLimiter, DEFAULT_LOGIN_LIMITS } from './login-limiter.ts';

const MINUTE = 60_000;
const A = '203.0.113.9';
const B = '198.51.100.20';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: createLoginLimiter(() => clock.now) };
}

describe('login limiter', () => {
  it('refuses a name from one address after five failures, with the wait, case and spaces ignored', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('Alice', A).kind).toBe('allowed');
      limiter.recordFailure(i % 2 === 0 ? 'alice' : ' ALICE ', A);
      clock.now += MINUTE;
    }
    expect(limiter.check('alice', A)).toEqual({ kind: 'refused', retryAfter: 10 * 60 });
    clock.now += 10 * MINUTE - 1_000;
    expect(limiter.check('alice', A)).toEqual({ kind: 'refused', retryAfter: 1 });
    clock.now += 1_000;
    expect(limiter.check('alice', A).kind).toBe('allowed');
  });

  it('does not stop alice from address B after five wrong passwords for her from address A', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordFailure('alice', A);
    expect(limiter.check('alice', A).kind).toBe('refused');
    expect(limiter.check('alice', B).kind).toBe('allowed');
  });

  it('never refuses a name failing from many addresses: it only slows it down, up to a bound', () => {
    const { limiter } = limiterAt();
    const { freeFailures, firstDelayMs, maxDelayMs } = DEFAULT_LOGIN_LIMITS.slowdown;
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const verdict = limiter.check('alice', B);
      if (verdict.kind !== 'allowed') throw new Error(`refused after ${i} failures`);
      delays.push(verdict.delayMs);
      limiter.recordFailure('alice', `10.0.${i}.1`);
    }
    expect(delays.slice(0, freeFailures + 1)).toEqual(Array(freeFailures + 1).fill(0));
    expect(delays[freeFailures + 1]).toBe(firstDelayMs);
    expect(delays[freeFailures + 2]).toBe(2 * firstDelayMs);
    expect(Math.max(...delays)).toBe(maxDelayMs);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });

  it('refuses an address after twenty failures across names, but not other addresses', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure(`user${i}`, A);
    expect(limiter.check('someone-new', A)).toEqual({ kind: 'refused', retryAfter: 15 * 60 });
    expect(limiter.check('someone-new', B).kind).toBe('allowed');
  });

  it("clears a name's failures and slowdown on success, but not its address's", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordFailure('alice', A);
    limiter.recordSuccess('alice', A);
    expect(limiter.check('alice', A)).toEqual({ kind: 'allowed', delayMs: 0 });
    for (let i = 0; i < 16; i++) limiter.recordFailure(`x${i}`, A);
    expect(limiter.check('carol', A).kind).toBe('refused');
  });

  it('forgets the stalest keys beyond its bound, so a spray of names cannot exhaust memory', () => {
    const clock = { now: 0 };
    const limiter = createLoginLimiter(() => clock.now, {
      ...DEFAULT_LOGIN_LIMITS,
      perNameAndAddress: 1,
      perAddress: 1_000,
      maxKeys: 10,
    });
    limiter.recordFailure('first', '192.0.2.1');
    for (let i = 0; i < 20; i++) limiter.recordFailure(`name${i}`, '192.0.2.2');
    expect(limiter.check('first', '192.0.2.1').kind).toBe('allowed');
    expect(limiter.check('name19', '192.0.2.2').kind).toBe('refused');
  });
});
