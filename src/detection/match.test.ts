import { describe, expect, it } from 'vitest';
import { MINUTE, T0, authEvent, detect, matchRule, opened, resolved } from './testdata/fixtures.ts';

describe('match rule', () => {
  it('opens on the first matching event with a count of one', () => {
    const [open] = opened(detect([matchRule()], [authEvent(0)]));
    expect(open).toMatchObject({ count: 1, firstSeen: T0, lastSeen: T0 });
    expect(open?.samples).toHaveLength(1);
  });

  it('folds further matches of the same key into the open episode', () => {
    const detections = detect([matchRule()], [authEvent(0), authEvent(MINUTE), authEvent(2 * MINUTE)]);
    expect(opened(detections)).toHaveLength(1);
    expect(detections.at(-1)).toMatchObject({ state: 'updated', count: 3 });
  });

  it('opens a new episode once the previous one resolved', () => {
    const detections = detect(
      [matchRule({ resolveAfterMs: MINUTE })],
      [authEvent(0), authEvent(10 * MINUTE)],
    );
    expect(opened(detections)).toHaveLength(2);
    expect(resolved(detections)[0]?.at).toBe(T0 + MINUTE);
  });

  it('does not match events its filter rejects', () => {
    expect(detect([matchRule()], [authEvent(0, { outcome: 'success' })])).toEqual([]);
  });
});
