import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND, authEvent, cardinalityRule, detect, opened, resolved } from './testdata/fixtures.ts';

const tries = (...pairs: Array<[number, string]>) =>
  pairs.map(([offset, user]) => authEvent(offset, { user }));

describe('cardinality rule', () => {
  it('opens when one source tries five distinct accounts inside the window', () => {
    const events = tries(
      [0, 'alice'],
      [SECOND, 'bob'],
      [2 * SECOND, 'carol'],
      [3 * SECOND, 'dave'],
      [4 * SECOND, 'erin'],
    );
    const [open] = opened(detect([cardinalityRule()], events));
    expect(open?.group).toEqual({ 'source.ip': '203.0.113.9' });
    expect(open?.distinct).toEqual({
      field: 'user.name',
      count: 5,
      values: ['alice', 'bob', 'carol', 'dave', 'erin'],
    });
  });

  it('does not count the same account twice', () => {
    const events = tries(
      [0, 'alice'],
      [1, 'alice'],
      [2, 'bob'],
      [3, 'bob'],
      [4, 'carol'],
      [5, 'dave'],
      [6, 'dave'],
    );
    expect(opened(detect([cardinalityRule()], events))).toHaveLength(0);
  });

  it('forgets accounts tried longer ago than the window', () => {
    const events = tries(
      [0, 'alice'],
      [MINUTE, 'bob'],
      [2 * MINUTE, 'carol'],
      [3 * MINUTE, 'dave'],
      [5 * MINUTE + 1, 'erin'],
    );
    expect(opened(detect([cardinalityRule()], events))).toHaveLength(0);
  });

  it('an account tried again stays fresh in the window', () => {
    const events = tries(
      [0, 'alice'],
      [MINUTE, 'bob'],
      [2 * MINUTE, 'carol'],
      [3 * MINUTE, 'dave'],
      [5 * MINUTE, 'alice'],
      [5 * MINUTE + 1, 'erin'],
    );
    expect(opened(detect([cardinalityRule()], events))).toHaveLength(1);
  });

  it('resolves after the distinct count has stayed below the threshold for resolve_after', () => {
    const events = tries([0, 'a'], [1, 'b'], [2, 'c'], [3, 'd'], [4, 'e'], [30 * MINUTE, 'f']);
    const detections = detect([cardinalityRule({ resolveAfterMs: MINUTE })], events);
    // Holds until the first of the five leaves the window (5m), then one quiet minute.
    expect(resolved(detections)[0]?.at).toBe(opened(detections)[0]!.firstSeen + 6 * MINUTE);
  });

  it('compares values as stored, as an Elasticsearch cardinality aggregation does', () => {
    const events = tries([0, 'alice'], [1, 'ALICE'], [2, 'bob'], [3, 'carol'], [4, 'dave']);
    expect(opened(detect([cardinalityRule()], events))).toHaveLength(1);
  });

  it('ignores events without the distinct field', () => {
    const events = [0, 1, 2, 3, 4].map((i) => {
      const event = authEvent(i, { user: `u${i}` });
      delete event.user;
      return event;
    });
    expect(detect([cardinalityRule()], events)).toEqual([]);
  });

  it('counts the same events whatever the order of those of one millisecond', () => {
    // Six attempts on five accounts in one millisecond: the repeated one counts wherever it falls.
    const orders = [
      ['alice', 'alice', 'bob', 'carol', 'dave', 'erin'],
      ['alice', 'bob', 'carol', 'dave', 'erin', 'alice'],
      ['erin', 'dave', 'alice', 'carol', 'alice', 'bob'],
    ];
    const incidents = orders.map((users) => {
      const events = tries([0, 'zed'], ...users.map((user): [number, string] => [6 * MINUTE, user]));
      const detections = detect([cardinalityRule()], events);
      expect(opened(detections)).toHaveLength(1);
      return detections.at(-1);
    });
    for (const incident of incidents) {
      expect(incident?.count).toBe(6);
      expect(incident?.firstSeen).toBe(incidents[0]?.firstSeen);
    }
  });

  it('counts repeats before the opening, from the oldest account it holds on', () => {
    const events = tries(
      [0, 'old'],
      [4 * MINUTE, 'alice'],
      [4 * MINUTE + 1, 'bob'],
      [4 * MINUTE + 2, 'bob'],
      [5 * MINUTE + 1, 'carol'],
      [6 * MINUTE, 'dave'],
      [6 * MINUTE + 1, 'erin'],
    );
    const [open] = opened(detect([cardinalityRule()], events));
    // `old` left the window at 5m: alice, bob twice, carol, dave, erin.
    expect(open?.count).toBe(6);
    expect(open?.firstSeen).toBe(Date.parse(events[1]!['@timestamp']));
  });
});
