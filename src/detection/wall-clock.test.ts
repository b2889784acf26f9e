import { describe, expect, it } from 'vitest';
import type { Detection } from '../core/index.ts';
import { createDetectionEngine } from './engine.ts';
import { MINUTE, SECOND, T0, authEvent, thresholdRule } from './testdata/fixtures.ts';

const YEAR = 365 * 24 * 60 * MINUTE;

describe('detection engine with a wall clock (live)', () => {
  it('detects an event dated past the allowed skew at the clock, keeping its @timestamp as evidence', () => {
    const detections: Detection[] = [];
    let clock = T0;
    const engine = createDetectionEngine({
      rules: [thresholdRule()],
      emit: (d) => detections.push(d),
      wallClock: () => clock,
      maxFutureMs: MINUTE,
    });
    // Four events arrive 100 ms after their time, then one dated a year ahead.
    for (let i = 0; i < 4; i++) {
      clock = T0 + i * SECOND + 100;
      engine.push(authEvent(i * SECOND));
    }
    engine.push(authEvent(YEAR));
    engine.advanceTo(clock);
    expect(engine.stats()).toMatchObject({ events: 5, future: 1, late: 0, buffered: 0 });
    const [opened] = detections;
    expect(opened).toMatchObject({ state: 'opened', count: 5, firstSeen: T0, lastSeen: clock });
    expect(opened?.samples.map((sample) => sample['@timestamp'])).toContain(
      new Date(T0 + YEAR).toISOString(),
    );
  });

  it('keeps an event within the skew, and the future count, across a snapshot', () => {
    let clock = T0;
    const options = { rules: [thresholdRule()], emit: () => {}, wallClock: () => clock, maxFutureMs: MINUTE };
    const first = createDetectionEngine(options);
    first.push(authEvent(YEAR));
    first.push(authEvent(30 * SECOND));
    const restored = createDetectionEngine({ ...options, restore: first.snapshot() });
    expect(restored.stats()).toMatchObject({ future: 1, buffered: 2 });
    clock = T0 + 40 * SECOND;
    restored.advanceTo(clock);
    expect(restored.stats()).toMatchObject({ future: 1, buffered: 0, late: 0 });
  });
});
