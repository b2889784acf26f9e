import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../backoff.ts';
import { ComponentHealth, describeState } from './component-health.ts';

describe('component health', () => {
  it('logs one line when a component starts failing and one when it recovers, not one per retry', () => {
    let clock = 1_000;
    const lines: string[] = [];
    const health = new ComponentHealth(
      () => clock,
      (line) => lines.push(line),
    );
    health.ok('store');
    for (let i = 0; i < 40; i++) {
      clock += 250;
      expect(health.retrying('store', new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(i + 1);
    }
    const state = health.state('store');
    expect(state).toMatchObject({ kind: 'retrying', since: 1_250, attempts: 40 });
    expect(describeState(state!)).toBe(
      'retrying since 1970-01-01T00:00:01.250Z: connect ECONNREFUSED 127.0.0.1:5432',
    );
    clock = 11_250;
    health.ok('store');
    health.ok('store');
    expect(lines).toEqual([
      'store failing, retrying with backoff: connect ECONNREFUSED 127.0.0.1:5432',
      'store recovered after 10.0 s',
    ]);
  });

  it('wakes those waiting for a component once it is ok, or when their signal aborts', async () => {
    const health = new ComponentHealth(
      () => 0,
      () => {},
    );
    const stop = new AbortController();
    await health.whenOk('store', stop.signal); // never failed: at once
    health.retrying('store', 'down');
    let woken = false;
    const waiting = health.whenOk('store', stop.signal).then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    health.ok('store');
    await waiting;
    health.retrying('store', 'down again');
    const aborted = health.whenOk('store', stop.signal);
    stop.abort();
    await aborted;
    expect(health.state('store')?.kind).toBe('retrying');
  });

  it('backs off exponentially up to a cap, with jitter either side', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, () => 0.5))).toEqual([250, 500, 1_000, 2_000, 10_000]);
    expect(backoffDelay(1, () => 0)).toBe(175);
    expect(backoffDelay(1, () => 1)).toBe(325);
  });
});
