import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { MINUTE, SECOND, T0, authEvent, detect, opened, sequenceRule } from './testdata/fixtures.ts';

const fail = (offset: number, user = 'alice') => authEvent(offset, { user, outcome: 'failure' });
const succeed = (offset: number, user = 'alice') => authEvent(offset, { user, outcome: 'success' });
const failures = (count: number, start = 0, step = 10 * SECOND): SecurityEvent[] =>
  Array.from({ length: count }, (_, i) => fail(start + i * step));

describe('sequence rule', () => {
  it('opens when five failures are followed by a success for the same account', () => {
    const [open] = opened(detect([sequenceRule()], [...failures(5), succeed(MINUTE)]));
    expect(open).toMatchObject({ group: { 'user.name': 'alice' }, count: 6, firstSeen: T0, at: T0 + MINUTE });
    // The evidence shows the chain: the newest 3 of the 5 failures, then the success.
    expect(open?.samples.map((e) => e.event.outcome)).toEqual(['failure', 'failure', 'failure', 'success']);
    expect(open?.samples.map((e) => e['@timestamp'])).toEqual(
      [2, 3, 4].map((i) => failures(5)[i]!['@timestamp']).concat(succeed(MINUTE)['@timestamp']),
    );
  });

  it('does not open when the success comes before the failures', () => {
    expect(opened(detect([sequenceRule()], [succeed(0), ...failures(5, SECOND)]))).toHaveLength(0);
  });

  it('does not open with fewer failures than the step needs', () => {
    expect(opened(detect([sequenceRule()], [...failures(4), succeed(MINUTE)]))).toHaveLength(0);
  });

  it('does not open when the chain spans more than the window', () => {
    const events = [...failures(5, 0, MINUTE), succeed(10 * MINUTE + 1)];
    expect(opened(detect([sequenceRule()], events))).toHaveLength(0);
  });

  it('opens when the chain fits the window exactly', () => {
    const events = [...failures(5, 0, MINUTE), succeed(10 * MINUTE)];
    expect(opened(detect([sequenceRule()], events))).toHaveLength(1);
  });

  it('uses the latest failures, so an old failure does not spoil a recent chain', () => {
    const events = [fail(0), ...failures(5, 20 * MINUTE), succeed(21 * MINUTE)];
    expect(opened(detect([sequenceRule()], events))).toHaveLength(1);
  });

  it('keeps accounts apart', () => {
    const events = [...failures(5), succeed(MINUTE, 'bob')];
    expect(opened(detect([sequenceRule()], events))).toHaveLength(0);
  });

  it('orders a success that arrived before its failures by event time within the tolerance', () => {
    const events = [...failures(5, 0, SECOND), succeed(6 * SECOND)];
    const arrival = [events[5]!, ...events.slice(0, 5)];
    expect(opened(detect([sequenceRule()], arrival, 10 * SECOND))).toHaveLength(1);
  });

  it('supports three ordered steps', () => {
    const rule = sequenceRule({
      steps: [
        { name: 'fail', matches: (e) => e.event.outcome === 'failure', count: 2 },
        { name: 'success', matches: (e) => e.event.outcome === 'success', count: 1 },
        { name: 'admin', matches: (e) => e.event.action === 'group-add', count: 1 },
      ],
    });
    const addAdmin = { ...succeed(3 * MINUTE), event: { action: 'group-add', outcome: 'success' as const } };
    expect(opened(detect([rule], [fail(0), fail(1), succeed(MINUTE), addAdmin]))).toHaveLength(1);
    expect(opened(detect([rule], [fail(0), fail(1), addAdmin]))).toHaveLength(0);
  });
});
