import { describe, expect, it } from 'vitest';
import type { NoiseIncident } from './noise-incident.ts';
import { Inhibitor } from './inhibition.ts';
import { makeIncident } from './testdata/make-incident.ts';

const inhibitor = new Inhibitor([
  {
    source: 'auth-success-after-failures',
    targets: ['ssh-brute-force-user', 'windows-ntlm-failures'],
    equal: ['user.name'],
  },
]);

const compromised = (user: string, status: NoiseIncident['status'] = 'open') =>
  makeIncident({ ruleId: 'auth-success-after-failures', group: { 'user.name': user }, status });
const bruteForce = (user: string) =>
  makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': user } });

describe('inhibition', () => {
  it.each([
    {
      name: 'open source, same user',
      target: bruteForce('alice'),
      open: [compromised('alice')],
      inhibited: true,
    },
    {
      name: 'acknowledged source still holds',
      target: bruteForce('alice'),
      open: [compromised('alice', 'acknowledged')],
      inhibited: true,
    },
    {
      name: 'resolved source',
      target: bruteForce('alice'),
      open: [compromised('alice', 'resolved')],
      inhibited: false,
    },
    { name: 'other user', target: bruteForce('bob'), open: [compromised('alice')], inhibited: false },
    {
      name: 'values compare exactly',
      target: bruteForce('Alice'),
      open: [compromised('alice')],
      inhibited: false,
    },
    {
      name: 'rule not among the targets',
      target: makeIncident({ ruleId: 'windows-logon-failure-user', group: { 'user.name': 'alice' } }),
      open: [compromised('alice')],
      inhibited: false,
    },
    {
      name: 'equal field missing on both sides',
      target: makeIncident({ ruleId: 'windows-ntlm-failures', group: {} }),
      open: [makeIncident({ ruleId: 'auth-success-after-failures', group: {} })],
      inhibited: false,
    },
    { name: 'no open incidents', target: bruteForce('alice'), open: [], inhibited: false },
  ])('$name -> $inhibited', ({ target, open, inhibited }) => {
    expect(inhibitor.isInhibited(target, [...open, target])).toBe(inhibited);
  });

  it('names the incident that mutes', () => {
    const source = compromised('carol');
    expect(inhibitor.findInhibitor(bruteForce('carol'), [bruteForce('dave'), source])?.serial).toBe(
      source.serial,
    );
  });

  it('never lets an incident mute itself when its rule is both source and target', () => {
    const self = new Inhibitor([{ source: 'r', targets: ['r'], equal: ['user.name'] }]);
    const one = makeIncident({ ruleId: 'r', group: { 'user.name': 'x' } });
    const other = makeIncident({ ruleId: 'r', group: { 'user.name': 'x' } });
    expect(self.isInhibited(one, [one])).toBe(false);
    expect(self.isInhibited(one, [one, other])).toBe(true);
  });

  it('with no equal fields, any open source incident mutes the targets', () => {
    const wide = new Inhibitor([
      { source: 'log-source-silent', targets: ['ssh-brute-force-user'], equal: [] },
    ]);
    const silent = makeIncident({ ruleId: 'log-source-silent', group: { 'host.name': 'web1' } });
    expect(wide.isInhibited(bruteForce('alice'), [silent])).toBe(true);
  });
});
