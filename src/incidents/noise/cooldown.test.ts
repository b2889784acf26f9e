import { describe, expect, it } from 'vitest';
import { Cooldowns, IncidentCooldown } from './cooldown.ts';

const MIN = 60_000;

describe('incident cooldown', () => {
  it.each([
    { name: 'one ms after delivery', at: 1_000 + 1, hold: { kind: 'cooling', until: 1_000 + 10 * MIN } },
    {
      name: '1 ms before cooldownMs',
      at: 1_000 + 10 * MIN - 1,
      hold: { kind: 'cooling', until: 1_000 + 10 * MIN },
    },
    { name: 'exactly at cooldownMs', at: 1_000 + 10 * MIN, hold: undefined },
    { name: 'after cooldownMs', at: 1_000 + 11 * MIN, hold: undefined },
  ])('holds notifications within cooldownMs of the delivery: $name', ({ at, hold }) => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * MIN });
    cooldown.handOut(0);
    cooldown.recordDelivered(1_000);
    expect(cooldown.holdAt(at)).toEqual(hold);
  });

  it('does not start the cooldown before the delivery is reported', () => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * MIN });
    expect(cooldown.holdAt(0)).toBeUndefined();
    cooldown.handOut(0);
    // In flight: the next one would only queue behind it, but no quiet time runs yet.
    expect(cooldown.holdAt(5 * MIN)).toEqual({ kind: 'pending', since: 0 });
    cooldown.recordDelivered(20 * MIN);
    expect(cooldown.holdAt(25 * MIN)).toEqual({ kind: 'cooling', until: 30 * MIN });
    expect(cooldown.holdAt(30 * MIN)).toBeUndefined();
  });

  it('lets the next notification go at once when the delivery failed', () => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * MIN });
    cooldown.handOut(0);
    cooldown.recordFailed();
    expect(cooldown.holdAt(1)).toBeUndefined();
  });

  it('stops waiting for a delivery report after pendingLimitMs', () => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * MIN, pendingLimitMs: 30 * MIN });
    cooldown.handOut(0);
    expect(cooldown.holdAt(30 * MIN - 1)?.kind).toBe('pending');
    expect(cooldown.holdAt(30 * MIN)).toBeUndefined();
  });

  it.each([
    { policy: { cooldownMs: 10 * MIN }, lengths: [10, 10, 10, 10] },
    { policy: { cooldownMs: 10 * MIN, factor: 2 }, lengths: [10, 20, 40, 80, 160] },
    { policy: { cooldownMs: 10 * MIN, factor: 2, maxMs: 60 * MIN }, lengths: [10, 20, 40, 60, 60] },
    { policy: { cooldownMs: 10 * MIN, factor: 3, maxMs: 60 * MIN }, lengths: [10, 30, 60, 60] },
  ])('grows the quiet time per delivery: $policy -> $lengths minutes', ({ policy, lengths }) => {
    const cooldown = new IncidentCooldown(policy);
    let now = 0;
    const seen: number[] = [];
    for (let i = 0; i < lengths.length; i++) {
      cooldown.handOut(now);
      cooldown.recordDelivered(now);
      seen.push(cooldown.currentLengthMs / MIN);
      const hold = cooldown.holdAt(now);
      expect(hold).toEqual({ kind: 'cooling', until: now + cooldown.currentLengthMs });
      now = hold?.kind === 'cooling' ? hold.until : now;
      expect(cooldown.holdAt(now)).toBeUndefined();
    }
    expect(seen).toEqual(lengths);
  });

  it('caps an exponential cooldown at 24h when no maxMs is given', () => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * 60 * MIN, factor: 10 });
    cooldown.recordDelivered(0);
    cooldown.recordDelivered(1);
    expect(cooldown.currentLengthMs).toBe(24 * 60 * MIN);
  });

  it('hands the count of suppressed signals to the next notification, then starts again', () => {
    const cooldown = new IncidentCooldown({ cooldownMs: 10 * MIN });
    expect(cooldown.handOut(0)).toBe(0);
    for (let i = 0; i < 37; i++) cooldown.recordSuppressed('cooldown');
    cooldown.recordSuppressed('silenced');
    expect(cooldown.suppressed).toBe(38);
    expect(cooldown.lastSuppression).toBe('silenced');
    expect(cooldown.handOut(11 * MIN)).toBe(38);
    expect(cooldown.handOut(22 * MIN)).toBe(0);
    expect(cooldown.handedOut).toBe(3);
  });
});

describe('cooldowns by episode', () => {
  it('takes the policy of the incident rule and forgets resolved episodes', () => {
    const cooldowns = new Cooldowns((ruleId) => ({ cooldownMs: ruleId === 'slow' ? 10 * MIN : 0 }));
    const slow = cooldowns.of({ episodeId: 'a', ruleId: 'slow' });
    const fast = cooldowns.of({ episodeId: 'b', ruleId: 'fast' });
    expect(cooldowns.of({ episodeId: 'a', ruleId: 'slow' })).toBe(slow);
    slow.handOut(0);
    fast.handOut(0);
    cooldowns.recordDelivered('a', 0);
    cooldowns.recordDelivered('b', 0);
    expect(slow.holdAt(1)?.kind).toBe('cooling');
    expect(fast.holdAt(1)).toBeUndefined();
    cooldowns.forget('a');
    cooldowns.recordDelivered('a', 5);
    expect(cooldowns.get('a')).toBeUndefined();
    expect(cooldowns.size).toBe(1);
  });
});
