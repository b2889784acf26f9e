import { describe, expect, it } from 'vitest';
import { decideGroupNotification, type GroupNotified } from './group-dedup.ts';

const HOUR = 3_600_000;
const set = (...ids: string[]) => new Set(ids);
const notified = (firing: string[], resolved: string[] = [], at = 0): GroupNotified => ({
  firing: set(...firing),
  resolved: set(...resolved),
  at,
});

describe('group notification dedup', () => {
  const options = { repeatIntervalMs: 4 * HOUR, sendResolved: true };

  it.each([
    { name: 'first flush with open incidents', last: undefined, firing: ['a'], resolved: [], why: 'initial' },
    {
      name: 'first flush, all fired and resolved unseen',
      last: undefined,
      firing: [],
      resolved: ['a'],
      why: undefined,
    },
    { name: 'nothing changed', last: notified(['a']), firing: ['a'], resolved: [], why: undefined },
    { name: 'a new open incident', last: notified(['a']), firing: ['a', 'b'], resolved: [], why: 'changed' },
    {
      name: 'one replaced by another',
      last: notified(['a']),
      firing: ['b'],
      resolved: ['a'],
      why: 'changed',
    },
    {
      name: 'one of two resolved',
      last: notified(['a', 'b']),
      firing: ['b'],
      resolved: ['a'],
      why: 'changed',
    },
    { name: 'all resolved', last: notified(['a']), firing: [], resolved: ['a'], why: 'changed' },
    {
      name: 'opened after an all-resolved message',
      last: notified([], ['a']),
      firing: ['b'],
      resolved: [],
      why: 'initial',
    },
    {
      name: 'resolution already told',
      last: notified(['b'], ['a']),
      firing: ['b'],
      resolved: ['a'],
      why: undefined,
    },
    {
      name: 'repeat interval not yet over',
      last: notified(['a']),
      firing: ['a'],
      resolved: [],
      at: 4 * HOUR - 1,
      why: undefined,
    },
    {
      name: 'repeat interval over (inclusive)',
      last: notified(['a']),
      firing: ['a'],
      resolved: [],
      at: 4 * HOUR,
      why: 'repeat',
    },
  ])('$name -> $why', ({ last, firing, resolved, at, why }) => {
    expect(
      decideGroupNotification(
        last,
        { firing: set(...firing), resolved: set(...resolved) },
        at ?? 60_000,
        options,
      ),
    ).toBe(why);
  });

  it('without send_resolved, resolutions alone are no change', () => {
    const quiet = { ...options, sendResolved: false };
    expect(
      decideGroupNotification(notified(['a', 'b']), { firing: set('b'), resolved: set('a') }, 1, quiet),
    ).toBeUndefined();
    expect(
      decideGroupNotification(notified(['a']), { firing: set(), resolved: set('a') }, 1, quiet),
    ).toBeUndefined();
  });
});
