import { describe, expect, it } from 'vitest';
import type { Detection, SecurityEvent } from '../core/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import { createDetectionEngine } from './engine.ts';
import { MINUTE, SECOND, T0, detect, opened, resolved, sequenceRule } from './testdata/fixtures.ts';

/** A process event of `command` on `host`, `offset` ms after T0. */
const run = (offset: number, command: string, host = 'ws-1'): SecurityEvent => ({
  '@timestamp': new Date(T0 + offset).toISOString(),
  event: { category: ['process'] },
  process: { name: command },
  host: { name: host },
});

const is = (name: string) => (event: SecurityEvent) => (event.process as { name?: string }).name === name;

/** whoami, net and ipconfig on one host within 5 minutes, in any order (Sigma `temporal`). */
function reconRule(overrides: Partial<SequenceRule> = {}): SequenceRule {
  return {
    ...(sequenceRule() as SequenceRule),
    id: 'recon',
    groupBy: ['host.name'],
    windowMs: 5 * MINUTE,
    resolveAfterMs: 5 * MINUTE,
    matches: (event) => ['whoami', 'net', 'ipconfig'].includes((event.process as { name: string }).name),
    steps: ['whoami', 'net', 'ipconfig'].map((name) => ({ name, matches: is(name), count: 1 })),
    unordered: { required: 3 },
    ...overrides,
  };
}

describe('unordered steps (Sigma temporal)', () => {
  it('opens once all three commands ran, in any order, with the earlier two as evidence', () => {
    const events = [run(0, 'net'), run(MINUTE, 'ipconfig'), run(2 * MINUTE, 'whoami')];
    const [open, ...others] = opened(detect([reconRule()], events));
    expect(others).toHaveLength(0);
    expect(open).toMatchObject({
      group: { 'host.name': 'ws-1' },
      count: 3,
      firstSeen: T0,
      at: T0 + 2 * MINUTE,
    });
    expect(open?.samples.map((e) => (e.process as { name: string }).name)).toEqual([
      'net',
      'ipconfig',
      'whoami',
    ]);
  });

  it('does not open while a step is missing, however often the others repeat', () => {
    const events = [0, 1, 2, 3].flatMap((i) => [run(i * SECOND, 'net'), run(i * SECOND + 1, 'whoami')]);
    expect(opened(detect([reconRule()], events))).toHaveLength(0);
  });

  it('opens when the span is exactly the timespan, not one millisecond more', () => {
    const at = (last: number) => [run(0, 'whoami'), run(MINUTE, 'net'), run(last, 'ipconfig')];
    expect(opened(detect([reconRule()], at(5 * MINUTE)))).toHaveLength(1);
    expect(opened(detect([reconRule()], at(5 * MINUTE + 1)))).toHaveLength(0);
  });

  it('uses the newest event of each step: an old one does not spoil a later set', () => {
    const events = [
      run(0, 'whoami'),
      run(10 * MINUTE, 'net'),
      run(11 * MINUTE, 'ipconfig'),
      run(12 * MINUTE, 'whoami'),
    ];
    const [open] = opened(detect([reconRule()], events));
    expect(open).toMatchObject({ firstSeen: T0 + 10 * MINUTE, at: T0 + 12 * MINUTE });
  });

  it('keeps hosts apart', () => {
    const events = [run(0, 'whoami', 'a'), run(SECOND, 'net', 'b'), run(2 * SECOND, 'ipconfig', 'a')];
    expect(opened(detect([reconRule()], events))).toHaveLength(0);
  });

  it('one burst is one incident: a second round inside the window updates it, then it resolves', () => {
    const round = (start: number) => [
      run(start, 'whoami'),
      run(start + SECOND, 'net'),
      run(start + 2 * SECOND, 'ipconfig'),
    ];
    const detections = detect(
      [reconRule()],
      [...round(0), ...round(MINUTE), run(30 * MINUTE, 'net', 'other')],
    );
    expect(opened(detections)).toHaveLength(1);
    expect(resolved(detections)).toHaveLength(1);
  });

  it('with `required` 2 of 3, any two steps are enough', () => {
    const events = [run(0, 'ipconfig'), run(SECOND, 'whoami')];
    expect(opened(detect([reconRule({ unordered: { required: 2 } })], events))).toHaveLength(1);
  });
});

describe('unordered steps across a restart', () => {
  it('continues from a snapshot: two steps before, the third after, one incident', () => {
    const detections: Detection[] = [];
    const first = createDetectionEngine({ rules: [reconRule()], emit: (d) => detections.push(d) });
    first.push(run(0, 'net'));
    first.push(run(MINUTE, 'whoami'));
    const saved = first.snapshot();
    const second = createDetectionEngine({
      rules: [reconRule()],
      emit: (d) => detections.push(d),
      restore: saved,
    });
    second.push(run(2 * MINUTE, 'ipconfig'));
    second.flush();
    expect(opened(detections)).toHaveLength(1);
    // A temporal_ordered rule of the same steps does not read that state.
    const ordered = createDetectionEngine({
      rules: [reconRule({ unordered: undefined })],
      emit: (d) => detections.push(d),
      restore: saved,
    });
    ordered.push(run(2 * MINUTE, 'ipconfig'));
    ordered.flush();
    expect(opened(detections)).toHaveLength(1);
  });
});
