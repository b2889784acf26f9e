import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { ComponentHealth } from './component-health.ts';
import { checkReadiness } from './live-readiness.ts';

describe('readiness', () => {
  let store: Store;
  let clock = 1_000_000;
  let health: ComponentHealth;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    clock = 1_000_000;
    health = new ComponentHealth(
      () => clock,
      () => {},
    );
  });
  afterEach(() => store.close());

  const failing = async () =>
    (
      await checkReadiness({
        store,
        health,
        now: () => clock,
        state: () => 'running',
        policy: { sourceGraceMs: 60_000, outboxStallMs: 600_000 },
      })
    )
      .filter((check) => !check.ok)
      .map((check) => `${check.name}: ${check.message}`);

  it('names the store while commits fail, and a source only once its grace period is over', async () => {
    expect(await failing()).toEqual([]);
    health.retrying('store', new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    health.retrying('source auth', 'permission denied: /var/log/auth.log');
    expect(await failing()).toEqual([
      'store: retrying since 1970-01-01T00:16:40.000Z: connect ECONNREFUSED 127.0.0.1:5432',
    ]);
    clock += 60_000;
    health.ok('store');
    expect(await failing()).toEqual([
      'source auth: retrying since 1970-01-01T00:16:40.000Z: permission denied: /var/log/auth.log',
    ]);
  });

  it('names a channel whose outbox does not drain', async () => {
    await store.outbox.enqueue(
      [{ id: 'n1', kind: 'meta', channel: 'soc-hook', detail: 'full', text: 'hello', createdAt: clock }],
      clock,
    );
    expect(await failing()).toEqual([]);
    clock += 11 * 60_000;
    expect(await failing()).toEqual([
      'outbox soc-hook: not draining: the oldest undelivered notification is 11 min old',
    ]);
  });
});
