import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { planNotifications, type PlanOptions, type RoutedChange } from './plan-notifications.ts';
import { routesSchema } from './route-schema.ts';
import { makeIncident } from './testdata/make-incident.ts';

const NOW = Date.UTC(2017, 2, 30, 15, 58, 3);

const ROUTES = routesSchema.parse(
  parseYaml(`
- name: page
  match: { priority: [P1, P2] }
  channels: [soc-telegram, soc-mail, soar]
  notify: [opened, resolved]
  continue: true
- name: public-chat
  match: { priority: [P1, P2] }
  channels: [company-slack, soc-mail]
  detail: link
  continue: true
- name: audit
  channels: [soc-mail, audit-webhook]
  notify: [updated]
  continue: true
- name: daily
  match: { priority: [P2, P3, P4, P5] }
  channels: [soc-mail, ciso-mail]
  digest: "0 8 * * *"
`),
);

function change(overrides: Partial<RoutedChange> = {}): RoutedChange {
  return { kind: 'opened', incident: makeIncident(), suppressedSince: 0, ...overrides };
}

function plan(overrides: Partial<RoutedChange> = {}, options: Partial<PlanOptions> = {}) {
  return planNotifications(change(overrides), ROUTES, { now: NOW, ...options });
}

describe('planNotifications', () => {
  it('sends one notification per channel, however many routes reach it', () => {
    const { notifications, routes } = plan();
    expect(routes).toEqual(['page', 'public-chat', 'audit', 'daily']);
    expect(notifications.map((n) => [n.channel, n.detail])).toEqual([
      ['soc-telegram', 'full'],
      ['soc-mail', 'full'],
      ['soar', 'full'],
      ['company-slack', 'link'],
    ]);
  });

  it.each([
    ['opened', ['soc-telegram', 'soc-mail', 'soar', 'company-slack']],
    ['updated', ['company-slack', 'soc-mail', 'audit-webhook']],
    ['resolved', ['soc-telegram', 'soc-mail', 'soar', 'company-slack']],
    ['flapping-started', ['soc-telegram', 'soc-mail', 'soar', 'company-slack']],
    ['flapping-stopped', ['soc-telegram', 'soc-mail', 'soar', 'company-slack']],
  ] as const)('sends %s only to routes that notify it', (kind, channels) => {
    const { notifications } = plan({ kind });
    expect(notifications.map((n) => n.channel)).toEqual(channels);
    expect(notifications.every((n) => n.kind === kind)).toBe(true);
  });

  it('takes the detail of the first route that sends the change to the channel', () => {
    // For `updated`, public-chat (link) reaches soc-mail before audit (full) does.
    const mail = plan({ kind: 'updated' }).notifications.find((n) => n.channel === 'soc-mail');
    expect(mail?.detail).toBe('link');
  });

  it('lets a channel override the route detail', () => {
    const { notifications } = plan({}, { channelDetail: { soar: 'link', 'company-slack': 'full' } });
    expect(Object.fromEntries(notifications.map((n) => [n.channel, n.detail]))).toMatchObject({
      soar: 'link',
      'company-slack': 'full',
      'soc-telegram': 'full',
    });
  });

  it('keeps names, addresses and evidence out of link notifications', () => {
    const slack = plan().notifications.find((n) => n.channel === 'company-slack');
    const text = JSON.stringify(slack);
    expect(slack?.incident).toMatchObject({
      serial: 42,
      priority: 'P2',
      status: 'open',
      group: {},
      samples: [],
    });
    for (const secret of [
      '24.151.103.17',
      'root',
      'ssh-brute-force-source',
      'SSH brute force',
      'Block the address',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('carries the whole incident at full detail', () => {
    const incident = makeIncident();
    const telegram = plan({ incident }).notifications.find((n) => n.channel === 'soc-telegram');
    expect(telegram?.incident).toBe(incident);
  });

  it('holds the incident for each digest channel instead of sending it', () => {
    const { holds, notifications, routes } = plan({ incident: makeIncident({ priority: 'P4' }) });
    expect(routes).toEqual(['audit', 'daily']);
    expect(notifications).toEqual([]);
    expect(holds.map((h) => [h.route, h.channel, h.schedule, h.detail, h.incident.serial])).toEqual([
      ['daily', 'soc-mail', '0 8 * * *', 'full', 42],
      ['daily', 'ciso-mail', '0 8 * * *', 'full', 42],
    ]);
  });

  it('both sends and holds when a P2 reaches immediate and digest routes', () => {
    const { holds, notifications } = plan();
    expect(notifications.some((n) => n.channel === 'soc-mail')).toBe(true);
    expect(holds.map((h) => h.channel)).toEqual(['soc-mail', 'ciso-mail']);
  });

  it('reports an incident no route takes as unrouted', () => {
    const routes = routesSchema.parse([{ match: { priority: 'P1' }, channels: ['pager'] }]);
    const result = planNotifications(change(), routes, { now: NOW });
    expect(result).toEqual({ notifications: [], holds: [], groupHolds: [], routes: [] });
  });

  it('gives the same ids when the same change is planned again, as after a crash', () => {
    const first = plan().notifications.map((n) => n.id);
    const again = plan().notifications.map((n) => n.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^ntf_[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
  });

  it.each([
    ['kind', { kind: 'resolved' as const }],
    ['count', { incident: makeIncident({ count: 13 }) }],
    ['episode', { incident: makeIncident({ episodeId: 'another-episode' }) }],
  ])('gives new ids when the %s differs', (_, overrides) => {
    const before = plan().notifications.find((n) => n.channel === 'soc-mail')?.id;
    const after = plan(overrides).notifications.find((n) => n.channel === 'soc-mail')?.id;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('builds ids from episode, kind, count, last seen and channel through makeId', () => {
    const ids = plan({}, { makeId: (key) => key }).notifications.map((n) => n.id);
    expect(ids[0]).toBe(
      JSON.stringify([makeIncident().episodeId, 'opened', 12, makeIncident().lastSeen, 'soc-telegram']),
    );
  });

  it('carries suppressedSince, the dashboard link and the change time', () => {
    const [first] = plan(
      { kind: 'updated', suppressedSince: 37 },
      { dashboardUrl: (incident) => `https://klaxon.example.com/incidents/${incident.serial}` },
    ).notifications;
    expect(first).toMatchObject({
      suppressedSince: 37,
      dashboardUrl: 'https://klaxon.example.com/incidents/42',
      createdAt: NOW,
    });
    expect(plan().notifications[0]).not.toHaveProperty('suppressedSince');
  });
});
