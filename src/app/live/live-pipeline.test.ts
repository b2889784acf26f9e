import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification, SecurityEvent } from '../../core/index.ts';
import { routesSchema } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { loadRules } from '../load-rules.ts';
import { loadLiveCheckpoint } from './live-checkpoint.ts';
import { BatchParser } from './batch-parser.ts';
import { LivePipeline } from './live-pipeline.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);
const MINUTE = 60_000;

function failure(at: number): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { action: 'ssh_login', outcome: 'failure' },
    system: { auth: { ssh: { event: 'Failed' } } },
    source: { ip: '203.0.113.9' },
  };
}

describe('the live pipeline', () => {
  let store: Store;
  let rules: Rule[];
  let clock = T0;
  beforeEach(async () => {
    clock = T0;
    store = await openStore('sqlite::memory:');
    rules = (await loadRules(undefined)).filter((rule) => rule.id === 'ssh-brute-force-source');
  });
  afterEach(() => store.close());

  const pipelineWith = (routes: unknown, resume?: Awaited<ReturnType<typeof loadLiveCheckpoint>>) =>
    new LivePipeline({
      store,
      rules,
      routes: routesSchema.parse(routes),
      toleranceMs: 0,
      now: () => clock,
      ...(resume && { resume }),
    });
  const push = (pipeline: LivePipeline, times: number[]) => {
    pipeline.push('auth', times.map(failure), times, { offset: times.length });
    pipeline.advanceTo(Math.max(...times));
  };
  const outbox = async (): Promise<Notification[]> =>
    (await store.outbox.list()).map((entry) => entry.notification).sort((a, b) => a.sequence - b.sequence);

  it('times groups by the wall clock and keeps them across a reload of the routes', async () => {
    const routes = [{ channels: ['hook'], group_by: ['rule'], group_wait: '30s' }];
    const pipeline = pipelineWith(routes);
    push(
      pipeline,
      Array.from({ length: 10 }, (_, i) => T0 + i * 1000),
    );
    clock = T0 + 60 * MINUTE; // the events are an hour old: the group still waits group_wait
    await pipeline.commit();
    expect(await outbox()).toEqual([]);
    await pipeline.reload(rules, routesSchema.parse(routes));
    clock += 30_000;
    await pipeline.commit();
    const messages = await outbox();
    expect(messages.map((n) => [n.kind, n.createdAt, n.group?.incidents.length])).toEqual([
      ['group', clock, 1],
    ]);
  });

  it('counts the cooldown from a delivery that succeeded, not from the decision', async () => {
    const pipeline = pipelineWith([{ channels: ['hook'] }]);
    push(
      pipeline,
      Array.from({ length: 10 }, (_, i) => T0 + i * 1000),
    );
    await pipeline.commit();
    const [opened] = await outbox();
    expect(opened?.kind).toBe('opened');
    // Not delivered yet: the update waits behind the notification in flight.
    push(pipeline, [T0 + MINUTE]);
    await pipeline.commit();
    expect(await outbox()).toHaveLength(1);
    // It went to the dead letters: the next update goes out at once, with what was held back.
    pipeline.recordFailed(opened as Notification);
    push(pipeline, [T0 + 2 * MINUTE]);
    await pipeline.commit();
    const second = (await outbox())[1];
    expect(second).toMatchObject({ kind: 'updated', suppressedSince: 1 });
    // Delivered: now the rule's 10-minute cooldown holds further updates.
    pipeline.recordDelivered(second as Notification, T0 + 2 * MINUTE);
    push(pipeline, [T0 + 3 * MINUTE]);
    await pipeline.commit();
    expect(await outbox()).toHaveLength(2);
    // The burst ends; its resolution is not held back by the cooldown.
    pipeline.advanceTo(T0 + 20 * MINUTE);
    await pipeline.commit();
    expect((await outbox()).map((notification) => notification.kind)).toEqual([
      'opened',
      'updated',
      'resolved',
    ]);
  });

  it("keeps an open incident's cooldown across a restart, from the delivery the outbox recorded", async () => {
    const routes = [{ channels: ['hook'] }];
    const first = pipelineWith(routes);
    push(
      first,
      Array.from({ length: 10 }, (_, i) => T0 + i * 1000),
    );
    await first.commit({ checkpoint: true });
    const [opened] = await outbox();
    await store.outbox.claim('hook', 'test', T0 + 10_000, 10, 60_000);
    await store.outbox.markSent((opened as Notification).id, T0 + 10_000);
    const second = pipelineWith(routes, await loadLiveCheckpoint(store));
    await second.restoreCooldowns();
    push(second, [T0 + MINUTE]);
    await second.commit();
    expect(await outbox()).toHaveLength(1);
    const unrestored = pipelineWith(routes, await loadLiveCheckpoint(store));
    push(unrestored, [T0 + MINUTE + 1]);
    await unrestored.commit();
    expect((await outbox()).map((notification) => notification.kind)).toEqual(['opened', 'updated']);
  });

  it('sends a digest when its schedule comes due on the wall clock, also across a restart', async () => {
    const routes = [{ channels: ['mail'], digest: '0 8 * * *' }];
    const first = pipelineWith(routes);
    push(
      first,
      Array.from({ length: 10 }, (_, i) => T0 + i * 1000),
    );
    await first.commit({ checkpoint: true });
    expect(await outbox()).toEqual([]);
    // A restart before 08:00 keeps what the digest holds.
    const second = pipelineWith(routes, await loadLiveCheckpoint(store));
    clock = Date.UTC(2026, 10, 21, 8, 0, 0);
    await second.commit();
    const [digest] = await outbox();
    expect(digest?.kind).toBe('digest');
    expect(digest?.digest?.incidents.map((incident) => incident.ruleId)).toEqual(['ssh-brute-force-source']);
  });

  it('keeps the windows of unchanged rules when rules are reloaded', async () => {
    const pipeline = pipelineWith([{ channels: ['hook'] }]);
    push(
      pipeline,
      Array.from({ length: 6 }, (_, i) => T0 + i * 1000),
    );
    await pipeline.reload(rules, routesSchema.parse([{ channels: ['hook'] }]));
    push(
      pipeline,
      Array.from({ length: 4 }, (_, i) => T0 + (6 + i) * 1000),
    );
    await pipeline.commit();
    const [incident] = await store.incidents.list();
    expect(incident).toMatchObject({ ruleId: 'ssh-brute-force-source', count: 10 });
  });
});

describe('pushdown documents', () => {
  it('become one incident per reported group, updated by every poll that reports it again', async () => {
    const store = await openStore('sqlite::memory:');
    const rules = await loadRules(undefined);
    const pipeline = new LivePipeline({ store, rules, routes: [], toleranceMs: 0, now: () => T0 });
    const parser = new BatchParser(undefined, () => T0);
    const bucket = (at: number, count: number) => ({
      _source: {
        '@timestamp': new Date(at).toISOString(),
        event: { dataset: 'klaxon.pushdown', count },
        source: { ip: '203.0.113.9' },
        klaxon: { pushdown: { rule: 'rdp', key: 'source.ip=203.0.113.9', group_by: ['source.ip'], count } },
      },
    });
    for (const [at, count] of [
      [T0, 7],
      [T0 + 30_000, 12],
    ] as const) {
      const parsed = parser.parse({ kind: 'documents', documents: [bucket(at, count)], position: { at } });
      pipeline.push('es', parsed.events, parsed.times, { at });
      pipeline.advanceTo(at);
    }
    await pipeline.commit();
    const incidents = await store.incidents.list();
    expect(incidents.map((incident) => [incident.ruleId, incident.group, incident.count])).toEqual([
      [
        'pushdown-threshold',
        { 'klaxon.pushdown.rule': 'rdp', 'klaxon.pushdown.key': 'source.ip=203.0.113.9' },
        2,
      ],
    ]);
    await store.close();
  });
});
