import { describe, expect, it } from 'vitest';
import type { Incident, IncidentAuditEntry } from '../../core/index.ts';
import { buildTimeline } from './incident-timeline.ts';
import { failedSshLogin } from './testdata/incidents.ts';

const T = Date.UTC(2026, 2, 1);

function incident(overrides: Partial<Incident>): Incident {
  return {
    serial: 1,
    episodeId: 'e',
    ruleId: 'r',
    title: 't',
    status: 'open',
    group: {},
    count: 10,
    firstSeen: T,
    lastSeen: T + 100_000,
    openedAt: T + 20_000,
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: [],
    samples: [],
    ...overrides,
  };
}

const audit = (
  at: number,
  action: IncidentAuditEntry['action'],
  detail: string,
  actor = 'klaxon',
): IncidentAuditEntry => ({
  serial: 1,
  at,
  actor,
  action,
  detail,
});

describe('buildTimeline', () => {
  it('places the first and latest samples by the opening count and the final count', () => {
    const samples = [20, 30, 40, 80, 90, 100].map((s) => failedSshLogin(T + s * 1_000));
    const timeline = buildTimeline(incident({ samples }), [
      audit(T + 20_000, 'opened', '5 events'),
      audit(T + 60_000, 'updated', `8 events, last at ${new Date(T + 60_000).toISOString()}`),
      audit(T + 70_000, 'noted', '99 events', 'alice'),
      audit(T + 100_000, 'updated', '10 events'),
    ]);
    expect(timeline).toEqual([
      { at: T, count: 1 },
      { at: T + 20_000, count: 5 },
      { at: T + 30_000, count: 6 },
      { at: T + 40_000, count: 7 },
      { at: T + 60_000, count: 8 },
      { at: T + 80_000, count: 8 },
      { at: T + 90_000, count: 9 },
      { at: T + 100_000, count: 10 },
    ]);
  });

  it('never falls, even when late events or collapsed repeats make the samples disagree', () => {
    const samples = [failedSshLogin(T + 50_000), failedSshLogin(T + 10_000)];
    const timeline = buildTimeline(incident({ samples, count: 6, lastSeen: T + 50_000 }), [
      audit(T + 50_000, 'opened', '6 events'),
    ]);
    const counts = timeline.map((point) => point.count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(timeline.at(-1)).toEqual({ at: T + 50_000, count: 6 });
  });
});
