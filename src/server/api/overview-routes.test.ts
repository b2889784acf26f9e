import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiFixture, Caller } from './testdata/api-fixture.ts';
import { START, startApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

let api: ApiFixture;
let vic: Caller;
beforeEach(async () => {
  api = await startApi({ channels: [{ name: 'soc-mail', type: 'email', detail: 'soc@example.org' }] });
  vic = await api.logIn('vic', 'viewer');
});
afterEach(async () => {
  await api.close();
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
        { value: '203.0.113.9', count: 2 },
        { value: '198.51.100.7', count: 1 },
      ],
      topAccounts: [
        { value: 'alice', count: 1 },
        { value: 'svc-backup', count: 1 },
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
