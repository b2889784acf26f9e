import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification, SecurityEvent } from '../../core/index.ts';
import { routesSchema } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { loadRules } from '../load-rules.ts';
import { LivePipeline } from './live-pipeline.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);
const MINUTE = 60_000;
const ROUTES = [
  {
    match: { rule: ['ssh-brute-force-source'] },
    channels: ['soc'],
    escalate: [
      { after: '10m', channels: ['oncall-sms', 'soc-mail'] },
      { after: '20m', channels: ['cto-pager'], repeat: 3, every: '15m' },
    ],
  },
];

function failure(at: number): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { action: 'ssh_login', outcome: 'failure' },
    system: { auth: { ssh: { event: 'Failed' } } },
    source: { ip: '203.0.113.9' },
  };
}

describe('escalation in live operation', () => {
  let dir: string;
  let store: Store;
  let rules: Rule[];
  let clock = T0;
  beforeEach(async () => {
    clock = T0;
    dir = mkdtempSync(join(tmpdir(), 'klaxon-escalation-'));
    store = await openStore(`sqlite:${join(dir, 'klaxon.db')}`);
    rules = (await loadRules(undefined)).filter((rule) => rule.id === 'ssh-brute-force-source');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pipeline = () =>
    new LivePipeline({ store, rules, routes: routesSchema.parse(ROUTES), toleranceMs: 0, now: () => clock });
  /** Opens an incident at the clock's time; returns its serial. */
  const openIncident = async (live: LivePipeline): Promise<number> => {
    const times = Array.from({ length: 10 }, (_, i) => clock - 10_000 + i * 1000);
    live.push('auth', times.map(failure), times, { offset: times.length });
    live.advanceTo(clock);
    await live.commit();
    const [incident] = await store.incidents.list();
    return incident!.serial;
  };
  const escalations = async (): Promise<Notification[]> =>
    (await store.outbox.list())
      .map((entry) => entry.notification)
      .filter((n) => n.kind === 'escalated')
      .sort((a, b) => a.createdAt - b.createdAt || a.channel.localeCompare(b.channel));
  const at = (minutes: number) => async (live: LivePipeline) => {
    clock = T0 + minutes * MINUTE;
    await live.commit();
  };
  const sent = async () => (await escalations()).map((n) => [(n.createdAt - T0) / MINUTE, n.channel]);

  it('sends step 1 at 10 min, step 2 at 20 min and repeats it 3 times 15 min apart', async () => {
    const live = pipeline();
    const serial = await openIncident(live);
    for (const minute of [5, 9.9]) await at(minute)(live);
    expect(await escalations()).toEqual([]);
    for (const minute of [10, 11, 20, 34, 35, 50, 65, 120]) await at(minute)(live);
    expect(await sent()).toEqual([
      [10, 'oncall-sms'],
      [10, 'soc-mail'],
      [20, 'cto-pager'],
      [35, 'cto-pager'],
      [50, 'cto-pager'],
    ]);
    const [first] = await escalations();
    expect(first).toMatchObject({
      incident: { serial },
      escalation: { step: 1, unacknowledgedMs: 10 * MINUTE },
    });
    const lines = (await store.incidents.history(serial)).filter((entry) => entry.action === 'escalated');
    expect(lines.map((entry) => [entry.actor, entry.detail])).toEqual([
      ['klaxon', 'escalated to step 1: oncall-sms, soc-mail (not acknowledged in 10 min)'],
      ['klaxon', 'escalated to step 2: cto-pager (not acknowledged in 20 min)'],
      ['klaxon', 'escalated to step 2: cto-pager (not acknowledged in 35 min)'],
      ['klaxon', 'escalated to step 2: cto-pager (not acknowledged in 50 min)'],
    ]);
    expect(await store.escalations.list()).toEqual([]);
  });

  it('stops when a person acknowledges: acked at 12 min, no step 2', async () => {
    const live = pipeline();
    const serial = await openIncident(live);
    await at(10)(live);
    await store.incidents.acknowledge(serial, 'alice', T0 + 12 * MINUTE);
    for (const minute of [12, 20, 35, 60]) await at(minute)(live);
    expect(await sent()).toEqual([
      [10, 'oncall-sms'],
      [10, 'soc-mail'],
    ]);
    expect(await store.escalations.list()).toEqual([]);
  });

  it('continues after a restart where it stood', async () => {
    let live = pipeline();
    await openIncident(live);
    await at(10)(live);
    await store.close();
    store = await openStore(`sqlite:${join(dir, 'klaxon.db')}`);
    live = pipeline();
    await at(19)(live);
    expect(await sent()).toHaveLength(2);
    await at(20)(live);
    expect((await sent()).at(-1)).toEqual([20, 'cto-pager']);
  });

  it('sends only the latest repeat of a step after a long stop', async () => {
    const live = pipeline();
    await openIncident(live);
    await at(60)(live);
    expect(await sent()).toEqual([
      [60, 'cto-pager'],
      [60, 'oncall-sms'],
      [60, 'soc-mail'],
    ]);
  });
});
