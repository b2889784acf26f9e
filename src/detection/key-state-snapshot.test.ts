import { describe, expect, it } from 'vitest';
import type { Detection, SecurityEvent } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { createDetectionEngine } from './engine.ts';
import {
  MINUTE,
  SECOND,
  authEvent,
  cardinalityRule,
  matchRule,
  sequenceRule,
  thresholdRule,
} from './testdata/fixtures.ts';

const rules: Rule[] = [thresholdRule(), cardinalityRule(), sequenceRule(), matchRule()];
const plain = (detections: Detection[]) => JSON.parse(JSON.stringify(detections)) as unknown[];

/** Keys seen once, a few times, many times; accounts tried once and again; some successes. */
function stream(): SecurityEvent[] {
  const events: SecurityEvent[] = [];
  for (let i = 0; i < 400; i++) {
    const ip = `198.51.100.${i % 7 === 0 ? 1 : i % 23}`;
    const user = i % 5 === 0 ? 'root' : `user${i % 31}`;
    events.push(authEvent(i * 7 * SECOND, { ip, user, outcome: i % 17 === 0 ? 'success' : 'failure' }));
  }
  return events;
}

function straight(events: SecurityEvent[], every: number): Detection[] {
  const out: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => out.push(d) });
  for (let i = 0; i < events.length; i += every) engine.pushBatch(events.slice(i, i + every));
  engine.flush();
  return out;
}

/** Snapshots the engine every `every` events and goes on in a new one restored from it. */
function withRestarts(events: SecurityEvent[], every: number, edit = (text: string) => text): Detection[] {
  const out: Detection[] = [];
  let engine = createDetectionEngine({ rules, emit: (d) => out.push(d) });
  for (let i = 0; i < events.length; i += every) {
    engine.pushBatch(events.slice(i, i + every));
    const saved = edit(engine.snapshot());
    engine = createDetectionEngine({ rules, emit: (d) => out.push(d), restore: saved });
  }
  engine.flush();
  return out;
}

describe('key state across a snapshot', () => {
  it('continues every rule type exactly, from rings, lone times and value maps alike', () => {
    const events = stream();
    for (const every of [7, 50]) {
      const expected = straight(events, every);
      expect(new Set(expected.map((d) => d.ruleId)).size).toBe(rules.length);
      expect(plain(withRestarts(events, every))).toEqual(plain(expected));
    }
  });

  it('writes the state shapes older versions wrote, so their snapshots restore too', () => {
    const engine = createDetectionEngine({ rules, emit: () => {} });
    engine.pushBatch(stream().slice(0, 30));
    const saved = JSON.parse(engine.snapshot()) as {
      slots: Record<string, { keys: [string, unknown][] }>;
    };
    const [, times] = saved.slots.brute!.keys[0]!;
    expect(Array.isArray(times)).toBe(true);
    const [, sequence] = saved.slots['fail-then-success']!.keys[0]!;
    expect(sequence).toMatchObject({ times: expect.any(Array), starts: expect.any(Array) });
    const [, spray] = saved.slots.spray!.keys[0]!;
    expect(spray).toMatchObject({ value: expect.any(String), ts: expect.any(Number) });
  });

  it('restores a spray state of an older version, which kept no event times', () => {
    const events = ['a', 'b', 'c', 'd', 'e'].map((user, i) =>
      authEvent(i * MINUTE, { user, ip: '192.0.2.5' }),
    );
    // Only spray states have `,"times":[...]` (a sequence's times open its object, a threshold's is bare).
    const dropTimes = (text: string) => text.replace(/,"times":\[[^\]]*\]/g, '');
    const restored = withRestarts(events, 2, dropTimes).filter((d) => d.ruleId === 'spray');
    const expected = straight(events, 2).filter((d) => d.ruleId === 'spray');
    expect(restored.map((d) => [d.state, d.firstSeen])).toEqual(expected.map((d) => [d.state, d.firstSeen]));
    // Without times, each account's last sighting stands for its events: here one each.
    expect(restored[0]?.count).toBe(expected[0]?.count);
  });
});
