import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';
import { createStoreRuleCatalog } from './testdata/rule-catalog.ts';

const api = useApi();
let ada: Caller;
beforeEach(async () => {
  ada = await api.logIn('ada', 'admin');
});

const DAY_1 = Date.UTC(2026, 1, 27, 9);
const DAY_2 = Date.UTC(2026, 1, 28, 14);

/** An application's failed login as the shop reports it (ECS, NDJSON). */
function failedLogin(at: number, ip: string, user = 'alice'): string {
  return JSON.stringify({
    '@timestamp': new Date(at).toISOString(),
    event: { kind: 'event', category: ['authentication'], action: 'login', outcome: 'failure' },
    user: { name: user },
    source: { ip },
    service: { name: 'shop-web' },
  });
}

/** 12 failures from one address on day 1, 4 on day 2 (10 s apart, different users). */
function burstLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(failedLogin(DAY_1 + i * 10_000, '203.0.113.9', `user${i}`));
  for (let i = 0; i < 4; i++) lines.push(failedLogin(DAY_2 + i * 10_000, '203.0.113.9', `user${i}`));
  return lines;
}

describe('GET /rules', () => {
  it('lists every rule with its priority, threshold, window and whether it is on', async () => {
    const response = await api.as(ada, { method: 'GET', url: '/api/v1/rules' });
    const rules = response.json() as Array<Record<string, unknown>>;
    expect(rules).toHaveLength(api.rules.length);
    expect(rules.find((rule) => rule.id === 'app-login-failures-source')).toEqual({
      id: 'app-login-failures-source',
      title: 'Repeated failed logins to an application from one address',
      type: 'threshold',
      enabled: true,
      severity: 'high',
      confidence: 'medium',
      priority: 'P2',
      threshold: 20,
      window: 600_000,
      groupBy: ['service.name', 'source.ip'],
      attack: ['T1110.001', 'T1110.004'],
    });
    expect(rules.find((rule) => rule.id === 'app-forbidden-requests-user')).toHaveProperty(
      'description',
      'A logged-in user asking for resources or object ids that are not theirs (IDOR probing).',
    );
  });
});

describe('enabling and disabling', () => {
  it('persists the choice through the store, so a restarted catalog keeps it', async () => {
    const unexplained = await api.as(ada, { method: 'POST', url: '/api/v1/rules/app-csrf-failures/disable' });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json()).toMatchObject({ details: [{ field: 'reason' }] });
    const off = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/rules/app-csrf-failures/disable',
      payload: { reason: 'noisy during the shop migration' },
    });
    expect(off.json()).toMatchObject({ id: 'app-csrf-failures', enabled: false });
    api.clock.now += 1_000;
    expect(await api.store.ruleStates.get('app-csrf-failures')).toEqual({
      ruleId: 'app-csrf-failures',
      enabled: false,
      changedBy: 'ada',
      changedAt: api.clock.now - 1_000,
      reason: 'noisy during the shop migration',
    });
    const restarted = await createStoreRuleCatalog(api.store, api.rules, () => api.clock.now);
    expect(restarted.isEnabled('app-csrf-failures')).toBe(false);
    const on = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/rules/app-csrf-failures/enable',
      payload: { reason: 'migration done' },
    });
    expect(on.json()).toMatchObject({ enabled: true });
    const history = await api.as(ada, { method: 'GET', url: '/api/v1/rules/app-csrf-failures/history' });
    expect(
      history
        .json()
        .items.map((s: { changedBy: string; enabled: boolean; reason: string }) => [
          s.changedBy,
          s.enabled,
          s.reason,
        ]),
    ).toEqual([
      ['ada', false, 'noisy during the shop migration'],
      ['ada', true, 'migration done'],
    ]);
  });

  it('answers 404 for an unknown rule', async () => {
    const response = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/rules/no-such-rule/disable',
      payload: { reason: 'test' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'no rule with id "no-such-rule"' });
  });
});

describe('backtest', () => {
  const backtest = (id: string, payload: object) =>
    api.as(ada, { method: 'POST', url: `/api/v1/rules/${id}/backtest`, payload });

  it('counts the incidents each threshold would have opened per day, on uploaded events', async () => {
    const response = await backtest('app-login-failures-source', {
      thresholds: [3, 5, 20],
      days: 2,
      events: burstLines().join('\n'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      days: ['2026-02-27', '2026-02-28'],
      series: [
        { threshold: 3, incidents: [1, 1] },
        { threshold: 5, incidents: [1, 0] },
        { threshold: 20, incidents: [0, 0] },
      ],
      events: 16,
    });
  });

  it('tries the default thresholds over 7 days ending with the newest event', async () => {
    const response = await backtest('app-login-failures-source', { events: burstLines().join('\n') });
    const body = response.json() as {
      days: string[];
      series: Array<{ threshold: number; incidents: number[] }>;
    };
    expect(body.days).toHaveLength(7);
    expect(body.days.at(-1)).toBe('2026-02-28');
    expect(body.series.map((s) => [s.threshold, s.incidents.slice(5)])).toEqual([
      [3, [1, 1]],
      [5, [1, 0]],
      [10, [1, 0]],
      [20, [0, 0]],
    ]);
    expect(body.series[0]?.incidents.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts per user for a rule grouped by user, also when the rule is disabled', async () => {
    await api.as(ada, {
      method: 'POST',
      url: '/api/v1/rules/app-login-failures-user/disable',
      payload: { reason: 'test' },
    });
    const lines = Array.from({ length: 6 }, (_, i) =>
      failedLogin(DAY_1 + i * 1_000, `198.51.100.${i}`, 'bob'),
    );
    const response = await backtest('app-login-failures-user', {
      thresholds: [5, 6, 7],
      days: 1,
      events: lines.join('\n'),
    });
    expect(response.json()).toMatchObject({
      series: [
        { threshold: 5, incidents: [1] },
        { threshold: 6, incidents: [1] },
        { threshold: 7, incidents: [0] },
      ],
    });
  });

  it('runs on the stored events of the ingest journal when nothing is uploaded', async () => {
    api.clock.now = DAY_2 + 3_600_000;
    const lines = burstLines();
    await api.store.ingestJournal.append({
      receivedAt: DAY_1,
      tokenId: 't',
      count: 12,
      eventsNdjson: lines.slice(0, 12).join('\n'),
    });
    await api.store.ingestJournal.append({
      receivedAt: DAY_2,
      tokenId: 't',
      count: 4,
      eventsNdjson: lines.slice(12).join('\n'),
    });
    const response = await backtest('app-login-failures-source', { thresholds: [3, 5], days: 2 });
    expect(response.json()).toEqual({
      days: ['2026-02-27', '2026-02-28'],
      series: [
        { threshold: 3, incidents: [1, 1] },
        { threshold: 5, incidents: [1, 0] },
      ],
      events: 16,
    });
    // Only events inside the days count: with one day, those of day 1 are left out.
    const oneDay = await backtest('app-login-failures-source', { thresholds: [3], days: 1 });
    expect(oneDay.json()).toMatchObject({ days: ['2026-02-28'], series: [{ incidents: [1] }], events: 4 });
  });

  it('parses uploaded log lines of any known format', async () => {
    const lines = Array.from(
      { length: 12 },
      (_, i) =>
        `Feb 27 09:00:${String(i * 4).padStart(2, '0')} web1 sshd[${4000 + i}]: Failed password for root from 203.0.113.9 port ${50000 + i} ssh2`,
    );
    const response = await backtest('ssh-brute-force-source', {
      thresholds: [10, 13],
      days: 1,
      events: lines.join('\n'),
    });
    expect(response.json()).toMatchObject({ series: [{ incidents: [1] }, { incidents: [0] }], events: 12 });
  });

  it('refuses a rule without a threshold, unreadable events and bad thresholds', async () => {
    const sequence = api.rules.find((rule) => rule.type === 'sequence')?.id as string;
    const noThreshold = await backtest(sequence, { events: burstLines().join('\n') });
    expect(noThreshold.statusCode).toBe(400);
    expect(noThreshold.json()).toMatchObject({
      error: 'input',
      message: `rule ${sequence} is a sequence rule: it has no threshold to try`,
    });
    const unreadable = await backtest('app-login-failures-source', { events: 'hello\nworld\n' });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({
      error: 'input',
      message: expect.stringContaining('cannot detect the format'),
    });
    const zero = await backtest('app-login-failures-source', { thresholds: [0] });
    expect(zero.json()).toMatchObject({ error: 'validation', details: [{ field: 'thresholds.0' }] });
    expect((await backtest('nope', {})).statusCode).toBe(404);
  });

  it('is not for viewers', async () => {
    const viewer = await api.logIn('vic', 'viewer');
    const response = await api.as(viewer, {
      method: 'POST',
      url: '/api/v1/rules/app-csrf-failures/backtest',
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });
});
