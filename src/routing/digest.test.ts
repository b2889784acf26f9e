import { describe, expect, it } from 'vitest';
import type { Incident } from '../core/index.ts';
import { DigestCollector } from './digest.ts';
import type { DigestHold } from './plan-notifications.ts';
import { makeIncident } from './testdata/make-incident.ts';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

function hold(incident: Incident, overrides: Partial<DigestHold> = {}): DigestHold {
  return {
    route: 'daily',
    channel: 'soc-mail',
    schedule: '0 8 * * *',
    detail: 'full',
    incident,
    ...overrides,
  };
}

const P4 = (serial: number, overrides: Partial<Incident> = {}) =>
  makeIncident({ serial, priority: 'P4', episodeId: `episode-${serial}`, ...overrides });

describe('DigestCollector', () => {
  it('sends nothing before the schedule runs, then one digest of the period', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(2)), at('2024-03-04T10:00:00Z'));
    collector.hold(hold(P4(1)), at('2024-03-04T23:00:00Z'));
    expect(collector.nextDueAt()).toBe(at('2024-03-05T08:00:00Z'));
    expect(collector.tick(at('2024-03-05T07:59:59Z'))).toEqual([]);

    const [digest, ...rest] = collector.tick(at('2024-03-05T08:00:01Z'));
    expect(rest).toEqual([]);
    expect(digest).toMatchObject({
      kind: 'digest',
      channel: 'soc-mail',
      detail: 'full',
      createdAt: at('2024-03-05T08:00:01Z'),
    });
    expect(iso(digest!.digest!.from)).toBe('2024-03-04T08:00:00.000Z');
    expect(iso(digest!.digest!.to)).toBe('2024-03-05T08:00:00.000Z');
    expect(digest!.digest!.incidents.map((i) => i.serial)).toEqual([1, 2]);
    expect(collector.tick(at('2024-03-06T09:00:00Z'))).toEqual([]);
    expect(collector.nextDueAt()).toBeUndefined();
  });

  it('lists an incident held several times once, as it last stood', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(7, { count: 5 })), at('2024-03-04T10:00:00Z'));
    collector.hold(hold(P4(7, { count: 9, status: 'resolved' })), at('2024-03-04T11:00:00Z'));
    const [digest] = collector.tick(at('2024-03-05T08:00:00Z'));
    expect(digest!.digest!.incidents.map((i) => [i.serial, i.count, i.status])).toEqual([[7, 9, 'resolved']]);
  });

  it('keeps one digest per route and channel, each on its own schedule', () => {
    const collector = new DigestCollector();
    const now = at('2024-03-04T10:00:00Z');
    collector.hold(hold(P4(1)), now);
    collector.hold(hold(P4(1), { channel: 'ciso-mail' }), now);
    collector.hold(hold(P4(2), { route: 'weekly', schedule: '0 9 * * mon' }), now);
    const daily = collector.tick(at('2024-03-05T08:00:00Z'));
    expect(daily.map((d) => d.channel)).toEqual(['soc-mail', 'ciso-mail']);
    expect(daily[0]!.id).not.toBe(daily[1]!.id);
    expect(collector.nextDueAt()).toBe(at('2024-03-11T09:00:00Z'));
    const [weekly] = collector.tick(at('2024-03-11T09:00:00Z'));
    expect(weekly!.digest!.incidents.map((i) => i.serial)).toEqual([2]);
    expect(iso(weekly!.digest!.from)).toBe('2024-03-04T09:00:00.000Z');
  });

  it('starts the next period where a late digest ended, and includes late holds', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(1)), at('2024-03-04T10:00:00Z'));
    // Klaxon was down at 08:00; a hold at 08:30 comes in before the late tick at 09:00.
    collector.hold(hold(P4(2)), at('2024-03-05T08:30:00Z'));
    const [late] = collector.tick(at('2024-03-05T09:00:00Z'));
    expect(late!.digest!.incidents.map((i) => i.serial)).toEqual([1, 2]);
    expect(iso(late!.digest!.to)).toBe('2024-03-05T08:30:00.000Z');
    collector.hold(hold(P4(3)), at('2024-03-05T10:00:00Z'));
    const [next] = collector.tick(at('2024-03-06T08:00:00Z'));
    expect(iso(next!.digest!.from)).toBe('2024-03-05T08:30:00.000Z');
  });

  it('crosses month and year ends', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(1), { schedule: '0 0 1 * *' }), at('2023-12-15T12:00:00Z'));
    expect(collector.tick(at('2023-12-31T23:59:59Z'))).toEqual([]);
    const [digest] = collector.tick(at('2024-01-01T00:00:00Z'));
    expect([iso(digest!.digest!.from), iso(digest!.digest!.to)]).toEqual([
      '2023-12-01T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
    ]);
  });

  it('hides incident details in a link-level digest', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(1), { detail: 'link' }), at('2024-03-04T10:00:00Z'));
    const [digest] = collector.tick(at('2024-03-05T08:00:00Z'));
    expect(digest!.detail).toBe('link');
    expect(JSON.stringify(digest)).not.toContain('24.151.103.17');
    expect(digest!.digest!.incidents[0]).toMatchObject({ serial: 1, priority: 'P4', group: {}, title: '' });
  });

  it('gives the same id to the same digest after a restart from its snapshot', () => {
    const first = new DigestCollector({ dashboardUrl: 'https://klaxon.example.com/incidents' });
    first.hold(hold(P4(1)), at('2024-03-04T10:00:00Z'));
    first.hold(hold(P4(2), { channel: 'ciso-mail' }), at('2024-03-04T11:00:00Z'));
    const snapshot = JSON.parse(JSON.stringify(first.snapshot()));

    const restored = new DigestCollector({ snapshot, dashboardUrl: 'https://klaxon.example.com/incidents' });
    const now = at('2024-03-05T08:00:00Z');
    expect(restored.tick(now)).toEqual(first.tick(now));
    expect(restored.snapshot()).toEqual(first.snapshot());
    expect(first.snapshot().lastCut).toEqual({
      '["daily","soc-mail"]': at('2024-03-05T08:00:00Z'),
      '["daily","ciso-mail"]': at('2024-03-05T08:00:00Z'),
    });
  });

  it('ends the period by the new schedule when the route schedule changes', () => {
    const collector = new DigestCollector();
    collector.hold(hold(P4(1)), at('2024-03-04T10:00:00Z'));
    collector.hold(hold(P4(2), { schedule: '0 12 * * *' }), at('2024-03-04T11:00:00Z'));
    expect(collector.nextDueAt()).toBe(at('2024-03-04T12:00:00Z'));
  });
});
