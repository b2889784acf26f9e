import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { loadRules } from '../load-rules.ts';
import { LiveClock } from './live-clock.ts';
import { LivePipeline } from './live-pipeline.ts';
import { DEFAULT_WATCH_POLICY } from './watch-sources.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);
const YEAR = 365 * 86_400_000;
const TOLERANCE_MS = 2_000;

function login(at: number, user: string, outcome: 'success' | 'failure'): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { category: ['authentication'], action: 'login', outcome },
    user: { name: user },
    source: { ip: '198.51.100.7' },
  };
}

/** Five failures one second apart; the success, half a second after the last, overtakes it on the way. */
const failures = Array.from({ length: 5 }, (_, i) => login(T0 + i * 1000, 'alice', 'failure'));
const burst = [...failures.slice(0, 4), login(T0 + 4_500, 'alice', 'success'), failures[4] as SecurityEvent];

describe('live event time with an event dated ahead of the wall clock', () => {
  let store: Store;
  let clock: number;
  let pipeline: LivePipeline;
  let ticker: LiveClock;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    clock = T0 - 10_000;
    const rules = (await loadRules(undefined)).filter((rule) => rule.id === 'auth-success-after-failures');
    const now = () => clock;
    pipeline = new LivePipeline({ store, rules, routes: [], toleranceMs: TOLERANCE_MS, now });
    ticker = new LiveClock({
      pipeline,
      sources: [],
      store,
      now,
      toleranceMs: TOLERANCE_MS,
      checkpointEveryMs: 60_000,
      watchPolicy: DEFAULT_WATCH_POLICY,
    });
  });
  afterEach(() => store.close());

  /**
   * The event stamped ahead arrives just before the burst; each event of the burst arrives 300 ms
   * after its timestamp (never before an earlier arrival), and the clock ticks at each arrival.
   */
  const arrive = async (ahead: SecurityEvent) => {
    for (const event of [ahead, ...burst]) {
      const ts = Date.parse(event['@timestamp']);
      clock = event === ahead ? T0 - 500 : Math.max(clock, ts + 300);
      pipeline.push('apps', [event], [ts], null);
      await ticker.tick();
    }
  };

  it('still puts the burst in order and opens the compromised-account P1', async () => {
    await arrive(login(T0 + YEAR, 'mallory', 'failure'));
    clock = T0 + 10_000;
    await ticker.tick();
    const incidents = await store.incidents.list();
    expect(incidents.map((incident) => [incident.ruleId, incident.priority, incident.group])).toEqual([
      ['auth-success-after-failures', 'P1', { 'user.name': 'alice' }],
    ]);
    expect(pipeline.engineStats()).toMatchObject({ future: 1, late: 0 });
    expect(pipeline.futureBySource).toEqual({ apps: 1 });
  });

  it('holds an event within the allowed skew until the clock reaches it, without making the rest late', async () => {
    await arrive(login(T0 + 60_000, 'mallory', 'failure'));
    clock = T0 + 10_000;
    await ticker.tick();
    expect((await store.incidents.list()).map((incident) => incident.ruleId)).toEqual([
      'auth-success-after-failures',
    ]);
    expect(pipeline.engineStats()).toMatchObject({ future: 0, late: 0, buffered: 1 });
    clock = T0 + 70_000;
    await ticker.tick();
    expect(pipeline.engineStats().buffered).toBe(0);
  });
});
