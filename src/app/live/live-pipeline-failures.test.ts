import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { routesSchema } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { loadRules } from '../load-rules.ts';
import { LivePipeline } from './live-pipeline.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);

function failure(at: number, ip: string): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { action: 'ssh_login', outcome: 'failure' },
    system: { auth: { ssh: { event: 'Failed' } } },
    source: { ip },
  };
}

/** How the next transaction fails: before anything is written, or after its commit (outcome unknown). */
type Fault = 'before' | 'after-commit' | undefined;

/** The real SQLite store, whose next transaction fails as the test says. */
function faultyStore(store: Store): { store: Store; fail(fault: Fault): void } {
  let next: Fault;
  const broken = () =>
    new StoreError('transaction', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') });
  const faulty: Store = {
    ...store,
    async transaction(work) {
      const fault = next;
      next = undefined;
      if (fault === 'before') throw broken();
      const result = await store.transaction(work);
      if (fault === 'after-commit') throw broken();
      return result;
    },
  };
  return { store: faulty, fail: (fault) => (next = fault) };
}

describe('the live pipeline when a commit fails', () => {
  let base: Store;
  let rules: Rule[];
  beforeEach(async () => {
    base = await openStore('sqlite::memory:');
    rules = (await loadRules(undefined)).filter((rule) => rule.id === 'ssh-brute-force-source');
  });
  afterEach(() => base.close());

  const start = (store: Store) =>
    new LivePipeline({
      store,
      rules,
      routes: routesSchema.parse([{ channels: ['hook'] }]),
      toleranceMs: 0,
      now: () => T0,
    });
  const bruteForce = (pipeline: LivePipeline, ip: string, from: number) => {
    const times = Array.from({ length: 10 }, (_, i) => from + i * 1000);
    pipeline.push(
      'auth',
      times.map((at) => failure(at, ip)),
      times,
      { offset: from },
    );
    pipeline.advanceTo(from + 10_000);
  };
  const kindsByIp = async () =>
    (await base.outbox.list())
      .map((entry) => `${entry.notification.incident?.group['source.ip']} ${entry.notification.kind}`)
      .sort();

  it('keeps what a failed commit took, and the next commit writes it (the chain is not left rejected)', async () => {
    const faulty = faultyStore(base);
    const pipeline = start(faulty.store);
    bruteForce(pipeline, '203.0.113.1', T0);
    faulty.fail('before');
    await expect(pipeline.commit()).rejects.toThrow(/ECONNREFUSED/);
    expect(pipeline.hasPendingChanges).toBe(true);
    expect(await base.incidents.list()).toEqual([]);
    bruteForce(pipeline, '203.0.113.2', T0 + 60_000);
    await pipeline.commit();
    expect((await base.incidents.list()).map((incident) => incident.group['source.ip']).sort()).toEqual([
      '203.0.113.1',
      '203.0.113.2',
    ]);
    expect(await kindsByIp()).toEqual(['203.0.113.1 opened', '203.0.113.2 opened']);
    expect(pipeline.tally.commits).toBe(1);
  });

  it('a commit that went through although it reported a failure is not written or notified twice', async () => {
    const faulty = faultyStore(base);
    const pipeline = start(faulty.store);
    bruteForce(pipeline, '198.51.100.1', T0);
    faulty.fail('after-commit');
    await expect(pipeline.commit()).rejects.toThrow(StoreError);
    await pipeline.commit();
    expect(await base.incidents.list()).toHaveLength(1);
    expect(await kindsByIp()).toEqual(['198.51.100.1 opened']);
    // Later events of the same episode are news again, and go out as usual.
    const times = [T0 + 20_000, T0 + 21_000];
    pipeline.push(
      'auth',
      times.map((at) => failure(at, '198.51.100.1')),
      times,
      null,
    );
    pipeline.advanceTo(T0 + 21_000);
    await pipeline.commit();
    expect((await base.incidents.list())[0]?.count).toBe(12);
  });
});
