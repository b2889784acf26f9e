import { describe, expect, it } from 'vitest';
import { Cooldowns } from './cooldown.ts';
import { decideNotification, type NoiseContext } from './decide.ts';
import { DEFAULT_INHIBITION_RULES } from './default-inhibitions.ts';
import { Flapping } from './flapping.ts';
import type { NoiseIncident } from './noise-incident.ts';
import type { IncidentChangeKind } from './noise-stages.ts';
import type { SilenceLike } from './silences.ts';
import { SUPPRESSION_REASONS } from './suppression-reason.ts';
import { makeIncident } from './testdata/make-incident.ts';

const MIN = 60_000;

/** The caller's side: state that lives across changes, and the clock it injects. */
function world() {
  const silences: SilenceLike[] = [];
  const open: NoiseIncident[] = [];
  const cooldowns = new Cooldowns(() => ({ cooldownMs: 10 * MIN }));
  const flapping = new Flapping({ checkIntervalMs: 5 * MIN });
  const context = (now: number): NoiseContext => ({
    now,
    silences,
    openIncidents: open,
    inhibitionRules: DEFAULT_INHIBITION_RULES,
    cooldowns,
    flapping,
  });
  const decide = (kind: IncidentChangeKind, incident: NoiseIncident, now: number) =>
    decideNotification(
      { kind, incident: kind === 'resolved' ? { ...incident, status: 'resolved' } : incident },
      context(now),
    );
  return { silences, open, cooldowns, flapping, decide };
}

const bruteForce = (user: string) =>
  makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': user } });

describe('noise decision', () => {
  it('keeps its suppression reasons stable: they are counter labels', () => {
    expect(SUPPRESSION_REASONS).toEqual(['silenced', 'inhibited', 'flapping', 'cooldown']);
  });

  it('notifies an opening, holds updates in flight and in cooldown, and hands on their count', () => {
    const w = world();
    const incident = bruteForce('alice');
    expect(w.decide('opened', incident, 0)).toEqual({ kind: 'notify', change: 'opened', suppressedSince: 0 });
    expect(w.decide('updated', incident, 1_000)).toEqual({ kind: 'suppressed', reason: 'cooldown' });
    w.cooldowns.recordDelivered(incident.episodeId, 2_000);
    for (let i = 0; i < 36; i++) {
      expect(w.decide('updated', incident, 3_000 + i)).toEqual({
        kind: 'suppressed',
        reason: 'cooldown',
        until: 2_000 + 10 * MIN,
      });
    }
    expect(w.decide('updated', incident, 2_000 + 10 * MIN)).toEqual({
      kind: 'notify',
      change: 'updated',
      suppressedSince: 37,
    });
  });

  it('lets a resolution through the cooldown and forgets the incident', () => {
    const w = world();
    const incident = bruteForce('alice');
    w.decide('opened', incident, 0);
    w.cooldowns.recordDelivered(incident.episodeId, 0);
    w.decide('updated', incident, MIN);
    expect(w.decide('resolved', incident, 2 * MIN)).toEqual({
      kind: 'notify',
      change: 'resolved',
      suppressedSince: 1,
    });
    expect(w.cooldowns.size).toBe(0);
  });

  it('mutes a silenced incident, and its resolution if nobody heard of it', () => {
    const w = world();
    w.silences.push({
      id: 'maint',
      matchers: [{ field: 'user.name', value: 'alice' }],
      startsAt: 0,
      endsAt: 5 * MIN,
    });
    const incident = bruteForce('alice');
    expect(w.decide('opened', incident, MIN)).toEqual({
      kind: 'suppressed',
      reason: 'silenced',
      silenceId: 'maint',
    });
    expect(w.decide('updated', incident, 2 * MIN)).toMatchObject({ reason: 'silenced' });
    expect(w.decide('resolved', incident, 6 * MIN)).toEqual({
      kind: 'suppressed',
      reason: 'silenced',
      unannounced: true,
    });
  });

  it('tells of a silenced incident that outlives its silence, with what was muted', () => {
    const w = world();
    w.silences.push({
      id: 'maint',
      matchers: [{ field: 'rule', value: 'ssh-.*', regex: true }],
      startsAt: 0,
      endsAt: 5 * MIN,
    });
    const incident = bruteForce('alice');
    w.decide('opened', incident, MIN);
    w.decide('updated', incident, 2 * MIN);
    expect(w.decide('updated', incident, 5 * MIN)).toEqual({
      kind: 'notify',
      change: 'updated',
      suppressedSince: 2,
    });
  });

  it('mutes brute force against an account while that account is marked compromised', () => {
    const w = world();
    const compromised = makeIncident({
      ruleId: 'auth-success-after-failures',
      group: { 'user.name': 'alice' },
    });
    w.open.push(compromised);
    const alice = bruteForce('alice');
    const bob = bruteForce('bob');
    w.open.push(alice, bob);
    expect(w.decide('opened', alice, 0)).toEqual({
      kind: 'suppressed',
      reason: 'inhibited',
      inhibitedBy: compromised.serial,
    });
    expect(w.decide('opened', bob, 0)).toMatchObject({ kind: 'notify' });
    w.open[0] = { ...compromised, status: 'resolved' };
    expect(w.decide('updated', alice, MIN)).toEqual({
      kind: 'notify',
      change: 'updated',
      suppressedSince: 1,
    });
  });

  it('checks silences before inhibition', () => {
    const w = world();
    const compromised = makeIncident({
      ruleId: 'auth-success-after-failures',
      group: { 'user.name': 'alice' },
    });
    w.open.push(compromised);
    w.silences.push({
      id: 's',
      matchers: [{ field: 'user.name', value: 'alice' }],
      startsAt: 0,
      endsAt: MIN,
    });
    expect(w.decide('opened', bruteForce('alice'), 0)).toMatchObject({ reason: 'silenced' });
  });

  it('sends one flapping notice instead of a stream of openings and resolutions, and one when it stops', () => {
    const w = world();
    const kinds: string[] = [];
    let now = 0;
    // Episodes of the same rule and group open and resolve every minute.
    for (let episode = 0; episode < 5; episode++) {
      const incident = makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': 'carol' } });
      for (const kind of ['opened', 'updated', 'resolved'] as const) {
        const decision = w.decide(kind, incident, now);
        kinds.push(decision.kind === 'notify' ? (decision.notice?.kind ?? `${kind}`) : `-${decision.reason}`);
        if (kind !== 'updated') now += MIN;
      }
    }
    expect(kinds).toEqual([
      'opened',
      '-cooldown',
      'resolved',
      'opened',
      '-cooldown',
      'resolved',
      'opened',
      '-cooldown',
      'flapping-started', // the sixth change crosses 30 %
      '-flapping',
      '-flapping',
      '-flapping',
      '-flapping',
      '-flapping',
      '-flapping',
    ]);
    const [stopped] = w.flapping.tick(now + 21 * 5 * MIN);
    expect(stopped).toMatchObject({ transition: 'stopped', suppressed: 6 });
  });

  it('attaches the flapping-stopped notice to the first change after a long quiet time', () => {
    const w = world();
    let now = 0;
    for (let episode = 0; episode < 3; episode++) {
      const incident = makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': 'dan' } });
      w.decide('opened', incident, now);
      w.decide('resolved', incident, now + MIN);
      now += 2 * MIN;
    }
    const later = makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': 'dan' } });
    const decision = w.decide('opened', later, now + 3 * 60 * MIN);
    expect(decision).toMatchObject({
      kind: 'notify',
      change: 'opened',
      notice: { kind: 'flapping-stopped', suppressed: 0 },
    });
  });

  it('says on the end-of-flapping notice how many changes it held back, across episodes', () => {
    const w = world();
    let now = 0;
    let held = 0;
    for (let episode = 0; episode < 5; episode++) {
      const incident = makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': 'erin' } });
      for (const kind of ['opened', 'resolved'] as const) {
        const decision = w.decide(kind, incident, now);
        if (decision.kind === 'suppressed' && decision.reason === 'flapping') held++;
        now += MIN;
      }
    }
    expect(held).toBeGreaterThan(1);
    const later = makeIncident({ ruleId: 'ssh-brute-force-user', group: { 'user.name': 'erin' } });
    const decision = w.decide('opened', later, now + 3 * 60 * MIN);
    expect(decision).toMatchObject({
      kind: 'notify',
      notice: { kind: 'flapping-stopped', suppressed: held },
      suppressedSince: held,
    });
  });
});
