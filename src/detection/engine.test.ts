import { describe, expect, it } from 'vitest';
import type { Detection, SecurityEvent } from '../core/index.ts';
import { createDetectionEngine } from './engine.ts';
import { MINUTE, SECOND, T0, authEvent, thresholdRule } from './testdata/fixtures.ts';

describe('detection engine', () => {
  it('frees the state of keys that went quiet', () => {
    const engine = createDetectionEngine({ rules: [thresholdRule()], emit: () => {} });
    for (let i = 0; i < 10_000; i++) engine.push(authEvent(i, { ip: `10.0.${i >> 8}.${i & 255}` }));
    engine.flush();
    expect(engine.stats().keysAlive).toBe(10_000);
    engine.advanceTo(T0 + 11 * MINUTE);
    expect(engine.stats().keysAlive).toBe(0);
  });

  it('keeps the state of a key whose episode is still open', () => {
    const engine = createDetectionEngine({
      rules: [thresholdRule({ resolveAfterMs: 60 * MINUTE })],
      emit: () => {},
    });
    for (let i = 0; i < 5; i++) engine.push(authEvent(i));
    engine.push(authEvent(0, { ip: '198.51.100.7' }));
    engine.flush();
    engine.advanceTo(T0 + 20 * MINUTE);
    expect(engine.stats().keysAlive).toBe(1);
  });

  it('resolves episodes that end at one step of event time in the order of their resolve times', () => {
    const detections: Detection[] = [];
    const engine = createDetectionEngine({ rules: [thresholdRule()], emit: (d) => detections.push(d) });
    // A opens first but goes on guessing for 4 more minutes; B opens a second later and stops.
    for (let i = 0; i < 5; i++) engine.push(authEvent(i * SECOND, { ip: '192.0.2.1' }));
    for (let i = 0; i < 5; i++) engine.push(authEvent((1 + i) * SECOND, { ip: '192.0.2.2' }));
    for (let i = 1; i <= 4; i++) engine.push(authEvent(i * MINUTE, { ip: '192.0.2.1' }));
    // Nothing more until long after both: they resolve at this one step.
    engine.push(authEvent(60 * MINUTE, { ip: '198.51.100.9' }));
    engine.flush();
    const resolved = detections.filter((d) => d.state === 'resolved');
    expect(resolved.map((d) => d.group['source.ip'])).toEqual(['192.0.2.2', '192.0.2.1']);
    expect(resolved[0]!.at).toBeLessThan(resolved[1]!.at);
  });

  it('counts events later than the tolerance and still uses them', () => {
    const detections: Detection[] = [];
    const engine = createDetectionEngine({
      rules: [thresholdRule()],
      emit: (d) => detections.push(d),
      toleranceMs: SECOND,
    });
    for (const offset of [60, 61, 62, 63]) engine.push(authEvent(offset * SECOND));
    engine.push(authEvent(10 * SECOND));
    engine.flush();
    expect(engine.stats().late).toBe(1);
    expect(detections.filter((d) => d.state === 'opened')).toHaveLength(1);
  });

  it('counts events whose timestamp is not a date and skips them', () => {
    const engine = createDetectionEngine({ rules: [thresholdRule()], emit: () => {} });
    engine.push({ ...authEvent(0), '@timestamp': 'yesterday' });
    expect(engine.stats()).toMatchObject({ events: 1, invalidTimestamp: 1 });
  });

  it('resolves open episodes as live time passes without events', () => {
    const detections: Detection[] = [];
    const engine = createDetectionEngine({ rules: [thresholdRule()], emit: (d) => detections.push(d) });
    for (let i = 0; i < 5; i++) engine.push(authEvent(i * SECOND));
    engine.advanceTo(T0 + 9 * MINUTE);
    expect(detections.map((d) => d.state)).toEqual(['opened']);
    engine.advanceTo(T0 + 11 * MINUTE);
    expect(detections.map((d) => d.state)).toEqual(['opened', 'resolved']);
  });

  it('reports an episode updated many times in one batch once, with the final count', () => {
    const detections: Detection[] = [];
    const engine = createDetectionEngine({
      rules: [thresholdRule()],
      emit: (d) => detections.push(d),
      toleranceMs: 0,
    });
    engine.pushBatch(Array.from({ length: 50 }, (_, i) => authEvent(i * SECOND)));
    expect(detections.map((d) => [d.state, d.count])).toEqual([
      ['opened', 5],
      ['updated', 50],
    ]);
  });

  it('tries only the rules whose prefilter fits the event, and still matches them', () => {
    let calls = 0;
    const counting = (outcome: string) => (event: SecurityEvent) => {
      calls++;
      return event.event.outcome === outcome;
    };
    const rules = [
      thresholdRule({
        id: 'failures',
        matches: counting('failure'),
        prefilter: { field: 'event.outcome', values: ['failure'] },
      }),
      thresholdRule({
        id: 'successes',
        matches: counting('success'),
        prefilter: { field: 'event.outcome', values: ['success'] },
      }),
    ];
    const detections: Detection[] = [];
    const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d), toleranceMs: 0 });
    engine.pushBatch(Array.from({ length: 5 }, (_, i) => authEvent(i, { outcome: 'failure' })));
    expect(calls).toBe(5);
    expect(detections.map((d) => d.ruleId)).toEqual(['failures']);
  });

  it('runs only enabled rules', () => {
    const detections: Detection[] = [];
    const engine = createDetectionEngine({
      rules: [thresholdRule({ enabled: false })],
      emit: (d) => detections.push(d),
    });
    for (let i = 0; i < 5; i++) engine.push(authEvent(i));
    engine.flush();
    expect(detections).toEqual([]);
  });
});

describe('rule index', () => {
  it('visits a rule once when a list field holds two of its values', () => {
    let calls = 0;
    const rule = thresholdRule({
      threshold: 1,
      matches: () => {
        calls++;
        return true;
      },
      prefilter: { field: 'event.category', values: ['authentication', 'session'] },
    });
    const engine = createDetectionEngine({ rules: [rule], emit: () => {}, toleranceMs: 0 });
    engine.push({ ...authEvent(0), event: { category: ['authentication', 'session'], outcome: 'success' } });
    expect(calls).toBe(1);
  });
});
