import { describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { describeNotification } from './message-content.ts';

const HOUR = 3_600_000;

function fact(content: ReturnType<typeof describeNotification>, label: string): string | undefined {
  return content.facts.find(([name]) => name === label)?.[1];
}

describe('describeNotification', () => {
  it('marks a message made from past events as a replay, first thing in its title', () => {
    const live = describeNotification(sampleNotification());
    const replayed = describeNotification(sampleNotification({ replay: true }));
    expect(live.title).not.toContain('replay');
    expect(replayed.title).toBe(`[replay of past events] ${live.title}`);
  });

  it('says when the attack of a still-open incident stopped', () => {
    const incident = { ...SAMPLE_INCIDENT, quietSince: Date.UTC(2017, 2, 30, 16, 11, 35) };
    const content = describeNotification(sampleNotification({ kind: 'updated', incident }));
    expect(fact(content, 'attack stopped')).toBe('at 2017-03-30T16:11:35Z; open until a person resolves it');
  });

  it('says since when a source is silent instead of counting zero events', () => {
    const lastEvent = Date.UTC(2026, 11, 5, 1, 14, 0);
    const incident = {
      ...SAMPLE_INCIDENT,
      ruleId: 'log-source-silent',
      group: { 'host.name': 'web-1' },
      count: 0,
      samples: [],
      firstSeen: lastEvent,
      lastSeen: lastEvent,
      openedAt: lastEvent + HOUR,
    };
    const content = describeNotification(sampleNotification({ incident }));
    expect(fact(content, 'how often')).toBeUndefined();
    expect(fact(content, 'silent since')).toBe(
      'last event 2026-12-05T01:14:00Z, nothing since (60 min at 2026-12-05T02:14:00Z)',
    );
    expect(content.facts.flat().join(' ')).not.toContain('0 events');
  });

  it('still counts events for every other incident', () => {
    const content = describeNotification(sampleNotification());
    expect(fact(content, 'how often')).toMatch(/^\d+ events from \S+ to \S+$/);
  });

  it('says how many changes were held back when flapping ends, even none', () => {
    const stopped = describeNotification(
      sampleNotification({ kind: 'flapping-stopped', suppressedSince: 6 }),
    );
    expect(stopped.title).toContain('no longer flapping (6 changes held back meanwhile)');
    const none = describeNotification(sampleNotification({ kind: 'flapping-stopped' }));
    expect(none.title).toContain('no longer flapping (0 changes held back meanwhile)');
    const link = describeNotification(
      sampleNotification({ kind: 'flapping-stopped', detail: 'link', suppressedSince: 1 }),
    );
    expect(link.title).toContain('(1 change held back meanwhile)');
  });

  it('says a heartbeat has no incident yet instead of "#0"', () => {
    const heartbeat = (lastSerial: number) =>
      describeNotification(
        sampleNotification({
          kind: 'heartbeat',
          incident: undefined,
          heartbeat: { lastSerial, deadLetters: 0 },
        }),
      );
    expect(fact(heartbeat(0), 'last incident')).toBe('none yet');
    expect(fact(heartbeat(7), 'last incident')).toBe('#7');
  });
});

describe('an escalation message', () => {
  it('says which incident stayed unacknowledged for how long, and the step', () => {
    const content = describeNotification({
      ...sampleNotification(),
      kind: 'escalated',
      incident: { ...SAMPLE_INCIDENT, serial: 42, priority: 'P1' },
      escalation: { step: 1, unacknowledgedMs: 600_000 },
    });
    expect(content.title).toBe('Escalation: incident #42 P1 not acknowledged for 10 min');
    expect(fact(content, 'escalation step')).toBe('1');
    expect(fact(content, 'incident')).toBe(SAMPLE_INCIDENT.title);
  });
});

describe('describeNotification of an incident from a Sigma rule', () => {
  const sigma = {
    id: '34fb5c3a-2ff6-487d-bfa3-717763f30b2c',
    title: 'Brute Force Authentication Attempts For Single Account',
    author: 'Hydra2113',
    references: ['https://learn.microsoft.com/event-4625', 'https://example.org/brute'],
    falsepositives: ['Users mistyping their password', 'Vulnerability scanners'],
    level: 'high',
  };

  it('names the Sigma rule, its author, its references as bare links and its false positives', () => {
    const content = describeNotification(sampleNotification({ incident: { ...SAMPLE_INCIDENT, sigma } }));
    expect(fact(content, 'Sigma rule')).toBe(
      'Brute Force Authentication Attempts For Single Account (34fb5c3a-2ff6-487d-bfa3-717763f30b2c)',
    );
    expect(fact(content, 'Sigma author')).toBe('Hydra2113');
    expect(fact(content, 'references')).toBe(
      'https://learn.microsoft.com/event-4625 https://example.org/brute',
    );
    expect(fact(content, 'false positives')).toBe('Users mistyping their password; Vulnerability scanners');
  });

  it('says nothing of Sigma for a Klaxon rule', () => {
    const content = describeNotification(sampleNotification());
    expect(content.facts.map(([label]) => label)).not.toContain('Sigma rule');
  });
});
