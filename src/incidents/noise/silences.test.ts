import { describe, expect, it } from 'vitest';
import {
  checkSilenceMatchers,
  findSilence,
  isSilenceActive,
  isSilencedBy,
  type SilenceLike,
} from './silences.ts';
import { makeIncident } from './testdata/make-incident.ts';

function silence(overrides: Partial<SilenceLike> = {}): SilenceLike {
  return {
    id: 's1',
    matchers: [{ field: 'rule', value: 'ssh-brute-force-source' }],
    startsAt: 1_000,
    endsAt: 2_000,
    ...overrides,
  };
}

describe('silence time', () => {
  it.each([
    { at: 999, active: false },
    { at: 1_000, active: true },
    { at: 1_999, active: true },
    { at: 2_000, active: false },
  ])('is active from startsAt inclusive to endsAt exclusive: $at -> $active', ({ at, active }) => {
    expect(isSilenceActive(silence(), at)).toBe(active);
    expect(isSilencedBy(silence(), makeIncident(), at)).toBe(active);
  });

  it.each([
    { at: 1_499, active: true },
    { at: 1_500, active: false },
    { at: 1_900, active: false },
  ])('ends when expired before its end: $at -> $active', ({ at, active }) => {
    expect(isSilenceActive(silence({ expiredAt: 1_500 }), at)).toBe(active);
  });
});

describe('silence matchers', () => {
  const incident = makeIncident({
    ruleId: 'windows-logon-failure-user',
    group: { 'user.name': 'administrator', 'source.ip': '10.0.0.1' },
    priority: 'P3',
  });

  it.each([
    { name: 'exact rule', matchers: [{ field: 'rule', value: 'windows-logon-failure-user' }], mutes: true },
    {
      name: 'exact rule, other rule',
      matchers: [{ field: 'rule', value: 'ssh-brute-force-user' }],
      mutes: false,
    },
    { name: 'exact is not a prefix', matchers: [{ field: 'user.name', value: 'admin' }], mutes: false },
    { name: 'priority', matchers: [{ field: 'priority', value: 'P3' }], mutes: true },
    {
      name: 'regex over the whole value',
      matchers: [{ field: 'user.name', value: 'admin.*', regex: true }],
      mutes: true,
    },
    {
      name: 'regex anchored at the end',
      matchers: [{ field: 'user.name', value: 'admin', regex: true }],
      mutes: false,
    },
    {
      name: 'regex anchored at the start',
      matchers: [{ field: 'user.name', value: 'strator', regex: true }],
      mutes: false,
    },
    {
      name: 'regex: dots escaped',
      matchers: [{ field: 'source.ip', value: '10\\.0\\.0\\.\\d+', regex: true }],
      mutes: true,
    },
    {
      name: 'regex: no match in a longer address',
      matchers: [{ field: 'source.ip', value: '0\\.0\\.1', regex: true }],
      mutes: false,
    },
    // A naive ^admin|root$ would match "administrator" through its first branch; the group anchors both.
    {
      name: 'regex: alternation anchored as a whole',
      matchers: [{ field: 'user.name', value: 'admin|root', regex: true }],
      mutes: false,
    },
    {
      name: 'regex: alternation hit',
      matchers: [{ field: 'user.name', value: 'root|administrator', regex: true }],
      mutes: true,
    },
    {
      name: 'all matchers match',
      matchers: [
        { field: 'rule', value: 'windows-.*', regex: true },
        { field: 'user.name', value: 'administrator' },
      ],
      mutes: true,
    },
    {
      name: 'one matcher fails',
      matchers: [
        { field: 'rule', value: 'windows-.*', regex: true },
        { field: 'user.name', value: 'guest' },
      ],
      mutes: false,
    },
    { name: 'missing field reads as empty', matchers: [{ field: 'host.name', value: '' }], mutes: true },
    {
      name: 'missing field, non-empty value',
      matchers: [{ field: 'host.name', value: 'web1' }],
      mutes: false,
    },
    { name: 'no matchers mute nothing', matchers: [], mutes: false },
    {
      name: 'an invalid regex mutes nothing',
      matchers: [{ field: 'user.name', value: '(admin', regex: true }],
      mutes: false,
    },
  ])('$name', ({ matchers, mutes }) => {
    expect(isSilencedBy(silence({ matchers }), incident, 1_500)).toBe(mutes);
  });

  it('finds the first silence in force that matches', () => {
    const silences = [
      silence({ id: 'ended', endsAt: 1_200 }),
      silence({ id: 'other', matchers: [{ field: 'rule', value: 'x' }] }),
      silence({ id: 'hit' }),
    ];
    expect(findSilence(silences, makeIncident(), 1_500)?.id).toBe('hit');
    expect(findSilence(silences, makeIncident(), 2_500)).toBeUndefined();
  });

  it('reports matchers the API should refuse', () => {
    expect(checkSilenceMatchers([{ field: 'rule', value: 'a.*', regex: true }])).toEqual([]);
    expect(checkSilenceMatchers([])).toEqual(['a silence needs at least one matcher']);
    expect(checkSilenceMatchers([{ field: 'user.name', value: '(admin', regex: true }])).toEqual([
      'user.name: not a valid regular expression: missing closing ): `(admin`',
    ]);
    expect(checkSilenceMatchers([{ field: 'user.name', value: '(a)\\1', regex: true }])).toEqual([
      'user.name: not a valid regular expression: backreference `\\1` is not supported (linear-time RE2 syntax)',
    ]);
  });

  it('accepts RE2 inline flags and still matches the whole value', () => {
    const matchers = [{ field: 'user.name', value: '(?i)ADMIN', regex: true }];
    expect(checkSilenceMatchers(matchers)).toEqual([]);
    expect(
      isSilencedBy(silence({ matchers }), makeIncident({ group: { 'user.name': 'admin' } }), 1_500),
    ).toBe(true);
    expect(
      isSilencedBy(silence({ matchers }), makeIncident({ group: { 'user.name': 'admins' } }), 1_500),
    ).toBe(false);
  });

  // A backtracking engine needs about 2^40 steps for `(a+)+$` on this value.
  it.each(['(a+)+$', '(x+x+)+y', '(.*a){12}'])(
    'tests %s on a hostile 50-character value in milliseconds',
    (value) => {
      const hostile = makeIncident({ group: { 'user.name': `${'a'.repeat(40)}!${'x'.repeat(9)}` } });
      const started = performance.now();
      expect(
        isSilencedBy(silence({ matchers: [{ field: 'user.name', value, regex: true }] }), hostile, 1_500),
      ).toBe(false);
      expect(performance.now() - started).toBeLessThan(50);
    },
  );
});
