import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../core/index.ts';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';
import { assignCase } from '../../incidents/index.ts';
import { failedSshLogin, openIncident } from './testdata/incidents.ts';

const api = useApi();
let rita: Caller;
beforeEach(async () => {
  rita = await api.logIn('rita', 'responder');
});

const get = (url: string) => api.as(rita, { method: 'GET', url });
const post = (url: string, payload?: object) =>
  api.as(rita, { method: 'POST', url, ...(payload !== undefined && { payload }) });

async function openFour(): Promise<void> {
  await openIncident(api.store, { group: { 'source.ip': '203.0.113.9' }, priority: 'P3' });
  await openIncident(api.store, {
    ruleId: 'app-login-failures-user',
    group: { 'service.name': 'shop-web', 'user.name': 'alice' },
    priority: 'P1',
  });
  await openIncident(api.store, { group: { 'source.ip': '198.51.100.7' }, priority: 'P2' });
  const fourth = await openIncident(api.store, { group: { 'source.ip': '203.0.113.77' }, priority: 'P2' });
  await api.store.incidents.resolve(fourth.serial, 'rita', api.clock.now, 'blocked');
}

describe('GET /incidents', () => {
  it('filters by status, priority, rule and group value, and counts all matches', async () => {
    await openFour();
    const serials = async (query: string) => {
      const body = (await get(`/api/v1/incidents${query}`)).json() as { items: Incident[]; total: number };
      return [body.items.map((incident) => incident.serial), body.total];
    };
    expect(await serials('')).toEqual([[4, 3, 2, 1], 4]);
    expect(await serials('?status=open,acknowledged')).toEqual([[3, 2, 1], 3]);
    expect(await serials('?priority=P1,P3')).toEqual([[2, 1], 2]);
    expect(await serials('?rule=app-login-failures-user')).toEqual([[2], 1]);
    expect(await serials('?q=203.0.113')).toEqual([[4, 1], 2]);
    expect(await serials('?q=ALICE')).toEqual([[2], 1]);
    expect(await serials('?sort=oldest&limit=2')).toEqual([[1, 2], 4]);
    expect(await serials('?sort=priority&limit=2&offset=1')).toEqual([[4, 3], 4]);
  });

  it('answers 400 with details for a bad filter', async () => {
    for (const query of ['status=closed', 'priority=P9', 'sort=size', 'limit=0', 'limit=501', 'offset=-1']) {
      const response = await get(`/api/v1/incidents?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json() as { error: string; details: Array<{ file: string; field: string }> };
      expect(body.error).toBe('validation');
      expect(body.details[0]?.file).toBe('query');
      expect(body.details[0]?.field).toBe(query.split('=')[0]);
    }
  });
});

describe('GET /incidents/:serial', () => {
  it('answers the incident, its audit trail and its attempts over time', async () => {
    const t = Date.UTC(2026, 2, 2, 10);
    const opened = await openIncident(api.store, {
      episodeId: 'timeline',
      count: 5,
      firstSeen: t,
      lastSeen: t + 40_000,
      openedAt: t + 40_000,
      samples: [failedSshLogin(t + 40_000)],
    });
    await api.store.incidents.progress('timeline', {
      count: 8,
      firstSeen: t,
      lastSeen: t + 70_000,
      samples: [t + 40_000, t + 50_000, t + 60_000, t + 70_000].map((at) => failedSshLogin(at)),
    });
    const response = await get(`/api/v1/incidents/${opened.serial}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { incident: Incident; history: unknown[]; timeline: unknown[] };
    expect(body.incident).toMatchObject({ serial: opened.serial, count: 8, status: 'open' });
    // The chart's per-minute counts: 5 in the opening minute, the update's 3 in the next.
    expect(body.incident.minuteCounts).toEqual([
      [t, 5],
      [t + 60_000, 3],
    ]);
    expect(body.history).toEqual([
      expect.objectContaining({ action: 'opened', detail: '5 events' }),
      expect.objectContaining({
        action: 'updated',
        detail: `8 events, last at ${new Date(t + 70_000).toISOString()}`,
      }),
    ]);
    expect(body.timeline).toEqual([
      { at: t, count: 1 },
      { at: t + 40_000, count: 5 },
      { at: t + 50_000, count: 6 },
      { at: t + 60_000, count: 7 },
      { at: t + 70_000, count: 8 },
    ]);
    // One readable line per sample, in the same order; the samples keep their raw fields.
    const evidence = (response.json() as { evidence: { at: string; summary: string }[] }).evidence;
    expect(evidence).toHaveLength(4);
    expect(evidence[0]).toEqual({
      at: new Date(t + 40_000).toISOString(),
      summary: 'ssh login failure for root from 203.0.113.9',
    });
  });

  it('answers the group messages that listed the incident, newest first', async () => {
    await openFour();
    await api.store.notificationGroups.recordMessage({ route: 'page', key: 'k', serials: [1, 3], at: 1_000 });
    await api.store.notificationGroups.recordMessage({
      route: 'page',
      key: 'k',
      serials: [1, 3, 4],
      at: 2_000,
    });
    const body = (await get('/api/v1/incidents/3')).json() as { groupMessages: { serials: number[] }[] };
    expect(body.groupMessages.map((message) => message.serials)).toEqual([
      [1, 3, 4],
      [1, 3],
    ]);
    const alone = (await get('/api/v1/incidents/2')).json() as { groupMessages: unknown[] };
    expect(alone.groupMessages).toEqual([]);
  });

  it('answers 404 for an unknown serial and 400 for one that is not a number', async () => {
    expect((await get('/api/v1/incidents/99')).json()).toEqual({
      error: 'not_found',
      message: 'incident #99 does not exist',
    });
    const bad = await get('/api/v1/incidents/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'validation', details: [{ file: 'path', field: 'serial' }] });
  });
});

describe('person actions', () => {
  it('acknowledges, assigns, notes and resolves, as the logged-in person, and announces each', async () => {
    const { serial } = await openIncident(api.store);
    api.clock.now += 1_000;
    const ack = await post(`/api/v1/incidents/${serial}/acknowledge`, { note: 'looking' });
    expect(ack.json()).toMatchObject({
      incident: { serial, status: 'acknowledged', acknowledgedBy: 'rita', acknowledgedAt: api.clock.now },
    });
    const nobody = await post(`/api/v1/incidents/${serial}/assign`, { assignee: 'bob' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json()).toMatchObject({ message: 'no user bob' });
    expect((await post(`/api/v1/incidents/${serial}/assign`, { assignee: 'rita' })).json()).toMatchObject({
      incident: { assignee: 'rita' },
    });
    expect((await post(`/api/v1/incidents/${serial}/notes`, { text: 'from the VPN' })).statusCode).toBe(200);
    expect(
      (await post(`/api/v1/incidents/${serial}/resolve`, { resolution: 'blocked' })).json(),
    ).toMatchObject({
      incident: { status: 'resolved', resolvedBy: 'rita', resolution: 'blocked' },
    });
    expect(api.changes.published.map((change) => [change.kind, change.incident.serial])).toEqual([
      ['acknowledged', serial],
      ['assigned', serial],
      ['noted', serial],
      ['resolved', serial],
    ]);
    const history = await api.store.incidents.history(serial);
    expect(history.map((entry) => [entry.actor, entry.action, entry.detail])).toEqual([
      ['klaxon', 'opened', '5 events'],
      ['rita', 'acknowledged', 'looking'],
      ['rita', 'assigned', 'rita'],
      ['rita', 'noted', 'from the VPN'],
      ['rita', 'resolved', 'blocked'],
    ]);
  });

  it('acknowledges without a body', async () => {
    const { serial } = await openIncident(api.store);
    const response = await post(`/api/v1/incidents/${serial}/acknowledge`);
    expect(response.statusCode).toBe(200);
  });

  it('answers 409 when the status does not allow the action, and 404 for an unknown incident', async () => {
    const { serial } = await openIncident(api.store);
    await post(`/api/v1/incidents/${serial}/resolve`, { resolution: 'false positive' });
    const again = await post(`/api/v1/incidents/${serial}/acknowledge`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'conflict', message: `incident #${serial} is already resolved` });
    expect((await post('/api/v1/incidents/42/resolve', { resolution: 'x' })).statusCode).toBe(404);
  });

  it('answers 400 with details for a missing or blank field', async () => {
    const { serial } = await openIncident(api.store);
    const missing = await post(`/api/v1/incidents/${serial}/assign`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: 'validation',
      details: [{ file: 'body', field: 'assignee', message: 'is required' }],
    });
    const blank = await post(`/api/v1/incidents/${serial}/notes`, { text: '   ' });
    expect(blank.json()).toMatchObject({ error: 'validation', details: [{ field: 'text' }] });
    const bad = await api.as(rita, {
      method: 'POST',
      url: `/api/v1/incidents/${serial}/notes`,
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expect(bad.json()).toMatchObject({ error: 'invalid_json' });
    expect((await api.store.incidents.get(serial))?.status).toBe('open');
  });
});

describe('cases and related incidents', () => {
  it('shows an incident with its case and the earlier incidents about the same address, with their notes', async () => {
    const HOUR = 3_600_000;
    const at = Date.UTC(2026, 2, 2, 11);
    const inCase = async (overrides: Parameters<typeof openIncident>[1]) =>
      assignCase(api.store.cases, await openIncident(api.store, overrides));
    const earlier = await inCase({ openedAt: at });
    await api.store.incidents.resolve(earlier.serial, 'rita', at + 60_000, 'blocked at the firewall');
    const again = await inCase({ openedAt: at + 2 * HOUR });
    const sameAttack = await inCase({
      ruleId: 'password-spray-source',
      title: 'Password spray',
      openedAt: at + 2 * HOUR + 5_000,
    });
    await inCase({ group: { 'source.ip': '198.51.100.7' }, samples: [], openedAt: at + 2 * HOUR });

    const body = (await get(`/api/v1/incidents/${sameAttack.serial}`)).json() as {
      case: { id: number; members: { serial: number }[]; related: { serial: number; resolution?: string }[] };
    };
    expect(body.case.id).toBe(again.serial);
    expect(body.case.members.map((m) => m.serial)).toEqual([again.serial, sameAttack.serial]);
    expect(body.case.related).toEqual([
      expect.objectContaining({
        serial: earlier.serial,
        status: 'resolved',
        resolution: 'blocked at the firewall',
      }),
    ]);
    const cases = (await get('/api/v1/cases')).json() as { items: { id: number; serials: number[] }[] };
    expect(cases.items.map((c) => [c.id, c.serials])).toEqual([
      [4, [4]],
      [2, [2, 3]],
      [1, [1]],
    ]);
  });
});
