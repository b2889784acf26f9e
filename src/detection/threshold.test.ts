import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  SECOND,
  T0,
  authEvent,
  detect,
  opened,
  resolved,
  thresholdRule,
} from './testdata/fixtures.ts';

const at = (...offsets: number[]) => offsets.map((offset) => authEvent(offset));

describe('threshold rule', () => {
  it('opens an episode on the 5th failure inside the window, counting all five', () => {
    const detections = detect([thresholdRule()], at(0, MINUTE, 2 * MINUTE, 3 * MINUTE, 4 * MINUTE));
    const [open] = opened(detections);
    expect(open).toMatchObject({
      ruleId: 'brute',
      group: { 'source.ip': '203.0.113.9' },
      count: 5,
      firstSeen: T0,
      lastSeen: T0 + 4 * MINUTE,
      at: T0 + 4 * MINUTE,
    });
    expect(open?.window).toEqual({ start: T0 + 4 * MINUTE - 5 * MINUTE, end: T0 + 4 * MINUTE });
  });

  it('stays quiet with four failures', () => {
    expect(detect([thresholdRule()], at(0, 1, 2, 3))).toEqual([]);
  });

  it('counts an event exactly one window old (the window is inclusive at both ends)', () => {
    const detections = detect([thresholdRule()], at(0, MINUTE, 2 * MINUTE, 3 * MINUTE, 5 * MINUTE));
    expect(opened(detections)).toHaveLength(1);
  });

  it('does not count an event one millisecond older than the window', () => {
    const detections = detect([thresholdRule()], at(0, MINUTE, 2 * MINUTE, 3 * MINUTE, 5 * MINUTE + 1));
    expect(opened(detections)).toHaveLength(0);
  });

  it('counts events that arrive out of order within the tolerance exactly as sorted ones', () => {
    const sorted = at(0, 10 * SECOND, 20 * SECOND, 30 * SECOND, 40 * SECOND, 6 * MINUTE);
    const shuffled = [sorted[1], sorted[0], sorted[3], sorted[2], sorted[4], sorted[5]].map((e) => e!);
    const strip = (ds: ReturnType<typeof detect>) => ds.map(({ samples: _s, ...rest }) => rest);
    expect(strip(detect([thresholdRule()], shuffled, 15 * SECOND))).toEqual(
      strip(detect([thresholdRule()], sorted, 15 * SECOND)),
    );
  });

  it('updates the open episode with every further match instead of opening another', () => {
    const detections = detect([thresholdRule()], at(...Array.from({ length: 12 }, (_, i) => i * SECOND)));
    expect(opened(detections)).toHaveLength(1);
    const updates = detections.filter((d) => d.state === 'updated');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)?.count).toBe(12);
    expect(new Set(detections.map((d) => d.episodeId)).size).toBe(1);
  });

  it('keeps only the first three and latest three events as samples', () => {
    const detections = detect([thresholdRule()], at(...Array.from({ length: 20 }, (_, i) => i * SECOND)));
    const last = detections.filter((d) => d.state === 'updated').at(-1);
    expect(last?.samples.map((e) => e.event.original)).toEqual([
      't+4000',
      't+5000',
      't+6000',
      't+17000',
      't+18000',
      't+19000',
    ]);
  });

  it('resolves once the condition has not held for resolve_after, and a later burst is a new episode', () => {
    const burst = (start: number) => at(...[0, 1, 2, 3, 4].map((i) => start + i * SECOND));
    const detections = detect(
      [thresholdRule({ resolveAfterMs: 5 * MINUTE })],
      [...burst(0), ...burst(30 * MINUTE)],
    );
    expect(opened(detections)).toHaveLength(2);
    const [first] = resolved(detections);
    // The condition held until the oldest of the five left the window (0 + 5m), then 5m of quiet.
    expect(first?.at).toBe(T0 + 10 * MINUTE);
    expect(opened(detections)[1]?.episodeId).not.toBe(first?.episodeId);
  });

  it('keeps one episode when a second burst starts before resolve_after has passed', () => {
    const events = at(
      0,
      1,
      2,
      3,
      4,
      7 * MINUTE,
      7 * MINUTE + 1,
      7 * MINUTE + 2,
      7 * MINUTE + 3,
      7 * MINUTE + 4,
    );
    const detections = detect([thresholdRule({ resolveAfterMs: 5 * MINUTE })], events);
    expect(opened(detections)).toHaveLength(1);
    expect(detections.at(-1)?.count).toBe(10);
  });

  it('with resolve_after 0s resolves as soon as the count drops below the threshold', () => {
    const events = [
      ...at(0, 1, 2, 3, 4),
      ...at(6 * MINUTE, 6 * MINUTE + 1, 6 * MINUTE + 2, 6 * MINUTE + 3, 6 * MINUTE + 4),
    ];
    const detections = detect([thresholdRule({ resolveAfterMs: 0 })], events);
    expect(opened(detections)).toHaveLength(2);
    expect(resolved(detections)[0]?.at).toBe(T0 + 5 * MINUTE);
  });

  it('counts each group key on its own', () => {
    const events = [0, 1, 2, 3, 4].flatMap((i) => [
      authEvent(i * SECOND, { ip: '198.51.100.1' }),
      authEvent(i * SECOND, { ip: i < 4 ? '198.51.100.2' : '198.51.100.1' }),
    ]);
    const detections = opened(detect([thresholdRule()], events));
    expect(detections.map((d) => d.group['source.ip'])).toEqual(['198.51.100.1']);
  });

  it('ignores events that lack a group_by field', () => {
    const events = [0, 1, 2, 3, 4].map((i) => {
      const event = authEvent(i);
      delete event.source;
      return event;
    });
    expect(detect([thresholdRule()], events)).toEqual([]);
  });

  it('groups by several fields', () => {
    const events = [0, 1, 2, 3, 4].map((i) => authEvent(i, { user: 'alice' }));
    const [open] = opened(detect([thresholdRule({ groupBy: ['user.name', 'source.ip'] })], events));
    expect(open?.group).toEqual({ 'user.name': 'alice', 'source.ip': '203.0.113.9' });
  });
});

describe('threshold rule evidence', () => {
  it('keeps one sample for the events of one repeated syslog line', () => {
    const repeated = Array.from({ length: 5 }, () => ({
      ...authEvent(0),
      event: { outcome: 'failure' as const, original: 'message repeated 5 times' },
    }));
    const [open] = opened(detect([thresholdRule()], repeated));
    expect(open).toMatchObject({ count: 5 });
    expect(open?.samples).toHaveLength(1);
  });
});
