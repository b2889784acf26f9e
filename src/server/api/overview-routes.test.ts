import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from './testdata/api-fixture.ts';
import { START, useApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

const api = useApi({ channels: [{ name: 'soc-mail', type: 'email', detail: 'soc@example.org' }] });
let vic: Caller;
beforeEach(async () => {
  vic = await api.logIn('vic', 'viewer');
});

const DAY = 86_400_000;

describe('GET /overview', () => {
  it('counts incidents per day and priority, top sources and accounts, unresolved ones, and channels', async () => {
    // START is 2026-03-02 12:00 UTC.
    await openIncident(api.store, {
      openedAt: START - 10 * DAY,
      priority: 'P1',
      group: { 'source.ip': '192.0.2.1' },
    });
    await openIncident(api.store, {
      openedAt: START - 2 * DAY,
      priority: 'P2',
      group: { 'source.ip': '203.0.113.9' },
    });
    await openIncident(api.store, {
      openedAt: START - 2 * DAY + 1,
      priority: 'P2',
      group: { 'source.ip': '203.0.113.9' },
    });
    await openIncident(api.store, {
      openedAt: START - 1_000,
      priority: 'P1',
      group: { 'source.ip': '198.51.100.7', 'user.name': 'alice' },
    });
    const resolved = await openIncident(api.store, {
      openedAt: START - 500,
      priority: 'P4',
      group: { 'user.target.name': 'svc-backup' },
    });
    await api.store.incidents.resolve(resolved.serial, 'vic', START, 'known job');

    const response = await api.as(vic, { method: 'GET', url: '/api/v1/overview?days=3' });
    expect(response.json()).toEqual({
      days: ['2026-02-28', '2026-03-01', '2026-03-02'],
      byPriority: { P1: [0, 0, 1], P2: [2, 0, 0], P3: [0, 0, 0], P4: [0, 0, 1], P5: [0, 0, 0] },
      topSources: [
        { value: '203.0.113.9', count: 10 },
        { value: '198.51.100.7', count: 5 },
      ],
      topAccounts: [
        { value: 'alice', count: 5 },
        { value: 'svc-backup', count: 5 },
      ],
      open: { P1: 2, P2: 2, P3: 0, P4: 0, P5: 0 },
      channels: [{ name: 'soc-mail', type: 'email', detail: 'soc@example.org', pending: 0, dead: 0 }],
    });
  });

  it('covers 7 days by default and refuses more than 90', async () => {
    const week = (await api.as(vic, { method: 'GET', url: '/api/v1/overview' })).json() as { days: string[] };
    expect(week.days).toEqual([
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    const tooMany = await api.as(vic, { method: 'GET', url: '/api/v1/overview?days=91' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({
      error: 'validation',
      details: [{ file: 'query', field: 'days' }],
    });
  });
});

describe('GET /stats/response-times', () => {
  it('gives the median and p90 time to acknowledge and to resolve, per priority and per rule', async () => {
    const MIN = 60_000;
    // P1 acknowledged after 2, 4, 6 and 20 minutes; resolved by a person after 30 and 50.
    const p1 = [2, 4, 6, 20];
    for (const [n, minutes] of p1.entries()) {
      const opened = await openIncident(api.store, { openedAt: START - DAY, priority: 'P1' });
      await api.store.incidents.acknowledge(opened.serial, 'vic', START - DAY + minutes * MIN);
      if (n < 2)
        await api.store.incidents.resolve(opened.serial, 'vic', START - DAY + (30 + 20 * n) * MIN, 'blocked');
    }
    // A P3 of another rule, klaxon resolved it: no person's resolve time.
    const p3 = await openIncident(api.store, {
      openedAt: START - DAY,
      priority: 'P3',
      ruleId: 'app-csrf-failures',
    });
    await api.store.incidents.resolveEpisode(p3.episodeId, START - DAY + 5 * MIN, {
      count: 5,
      firstSeen: START - DAY - MIN,
      lastSeen: START - DAY,
      samples: [],
    });
    // Opened before the period asked for: not counted.
    const old = await openIncident(api.store, { openedAt: START - 40 * DAY, priority: 'P1' });
    await api.store.incidents.acknowledge(old.serial, 'vic', START - 40 * DAY + 999 * MIN);

    const response = await api.as(vic, { method: 'GET', url: '/api/v1/stats/response-times?days=30' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.byPriority.P1).toEqual({
      acknowledge: { count: 4, medianMs: 5 * MIN, p90Ms: 15.8 * MIN },
      resolve: { count: 2, medianMs: 40 * MIN, p90Ms: 48 * MIN },
      autoResolved: 0,
    });
    expect(body.byPriority.P3).toEqual({
      acknowledge: { count: 0, medianMs: null, p90Ms: null },
      resolve: { count: 0, medianMs: null, p90Ms: null },
      autoResolved: 1,
    });
    expect(Object.keys(body.byRule)).toEqual(['app-csrf-failures', 'ssh-brute-force-source']);
    expect(body.overall.acknowledge.count).toBe(4);
    const bad = await api.as(vic, { method: 'GET', url: '/api/v1/stats/response-times?days=0' });
    expect(bad.statusCode).toBe(400);
  });
});
