import { describe, expect, it } from 'vitest';
import { Grouping, type GroupNotification, type GroupedIncident } from './grouping.ts';
import { makeIncident } from './testdata/make-incident.ts';

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;

const options = {
  groupBy: ['rule'],
  groupWaitMs: 30 * S,
  groupIntervalMs: 5 * MIN,
  repeatIntervalMs: 4 * HOUR,
};

const summary = (due: GroupNotification<GroupedIncident>[]) =>
  due.map((n) => ({
    why: n.why,
    serials: n.incidents.map((i) => `${i.serial}${i.status === 'resolved' ? 'r' : ''}`),
  }));

function incident(serial: number, overrides: Partial<GroupedIncident> = {}): GroupedIncident {
  return makeIncident({ serial, group: { 'source.ip': `203.0.113.${serial}` }, openedAt: 0, ...overrides });
}

describe('grouping', () => {
  it('sends the first notification of a group after group_wait, with what arrived meanwhile', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.insert(incident(2, { openedAt: 10 * S }), 10 * S);
    expect(grouping.tick(30 * S - 1)).toEqual([]);
    expect(summary(grouping.tick(30 * S))).toEqual([{ why: 'initial', serials: ['1', '2'] }]);
    expect(grouping.tick(30 * S)).toEqual([]);
  });

  it('batches later changes and sends them at most every group_interval', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.tick(30 * S);
    grouping.insert(incident(2, { openedAt: 40 * S }), 40 * S);
    grouping.insert(incident(3, { openedAt: 2 * MIN }), 2 * MIN);
    expect(grouping.nextDueAt()).toBe(30 * S + 5 * MIN);
    expect(grouping.tick(30 * S + 5 * MIN - 1)).toEqual([]);
    expect(summary(grouping.tick(30 * S + 5 * MIN))).toEqual([{ why: 'changed', serials: ['1', '2', '3'] }]);
  });

  it('does not count progress of an incident as a change', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.tick(30 * S);
    grouping.insert(incident(1), MIN); // the same episode again, as an update brings it
    expect(grouping.tick(30 * S + 5 * MIN)).toEqual([]);
  });

  it('reports a resolution once, then drops the resolved incident from the group', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.insert(incident(2), 0);
    grouping.tick(30 * S);
    grouping.insert(incident(1, { status: 'resolved' }), MIN);
    expect(summary(grouping.tick(30 * S + 5 * MIN))).toEqual([{ why: 'changed', serials: ['1r', '2'] }]);
    expect(grouping.tick(30 * S + 10 * MIN)).toEqual([]);
  });

  it('re-sends an unchanged group with open incidents after repeat_interval', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.tick(30 * S);
    const sent: string[] = [];
    // Ticks on the group interval grid: 4h is 48 intervals, so the reminder lands exactly on one.
    for (let at = 30 * S + 5 * MIN; at <= 30 * S + 8 * HOUR; at += 5 * MIN) {
      for (const n of grouping.tick(at)) sent.push(`${n.why}@${(at - 30 * S) / MIN}m`);
    }
    expect(sent).toEqual(['repeat@240m', 'repeat@480m']);
  });

  it('sends the all-resolved message, removes the group, and starts a new one with group_wait', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.tick(30 * S);
    grouping.insert(incident(1, { status: 'resolved' }), MIN);
    expect(summary(grouping.tick(30 * S + 5 * MIN))).toEqual([{ why: 'changed', serials: ['1r'] }]);
    expect(grouping.groupCount).toBe(0);
    grouping.insert(incident(4, { openedAt: 20 * MIN }), 20 * MIN);
    expect(grouping.tick(20 * MIN + 30 * S - 1)).toEqual([]);
    expect(summary(grouping.tick(20 * MIN + 30 * S))).toEqual([{ why: 'initial', serials: ['4'] }]);
  });

  it('says nothing about an incident that opened and resolved inside group_wait', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1), 0);
    grouping.insert(incident(1, { status: 'resolved' }), 10 * S);
    expect(grouping.tick(30 * S)).toEqual([]);
    expect(grouping.groupCount).toBe(0);
  });

  it('flushes at once a new group whose incident is older than group_wait', () => {
    const grouping = new Grouping(options);
    grouping.insert(incident(1, { openedAt: 0 }), 31 * S);
    expect(summary(grouping.tick(31 * S))).toEqual([{ why: 'initial', serials: ['1'] }]);
  });

  it('forms one group per value set of the group_by labels, labels missing included', () => {
    const grouping = new Grouping({ ...options, groupBy: ['rule', 'user.name'], route: 'soc' });
    grouping.insert(incident(1, { group: { 'user.name': 'alice' } }), 0);
    grouping.insert(incident(2, { group: { 'user.name': 'alice', 'source.ip': '198.51.100.7' } }), 0);
    grouping.insert(incident(3, { group: { 'user.name': 'bob' } }), 0);
    grouping.insert(incident(4, { ruleId: 'windows-ntlm-failures', group: { 'user.name': 'alice' } }), 0);
    grouping.insert(incident(5, { group: { 'source.ip': '198.51.100.8' } }), 0);
    const due = grouping.tick(30 * S);
    expect(due.map((n) => [n.groupKey, n.incidents.map((i) => i.serial)])).toEqual([
      ['soc:{rule="ssh-brute-force-source",user.name="alice"}', [1, 2]],
      ['soc:{rule="ssh-brute-force-source",user.name="bob"}', [3]],
      ['soc:{rule="windows-ntlm-failures",user.name="alice"}', [4]],
      ['soc:{rule="ssh-brute-force-source"}', [5]],
    ]);
    expect(due[0]?.labels).toEqual({ rule: 'ssh-brute-force-source', 'user.name': 'alice' });
  });

  it('groups by priority, and by every label with "..."', () => {
    const byPriority = new Grouping({ ...options, groupBy: ['priority'] });
    byPriority.insert(incident(1, { priority: 'P1' }), 0);
    byPriority.insert(incident(2, { priority: 'P1', ruleId: 'windows-ntlm-failures' }), 0);
    expect(byPriority.tick(30 * S).map((n) => n.incidents.length)).toEqual([2]);
    const each = new Grouping({ ...options, groupBy: ['...'] });
    each.insert(incident(1), 0);
    each.insert(incident(2), 0);
    expect(each.tick(30 * S).map((n) => n.incidents.length)).toEqual([1, 1]);
  });

  it('leaves resolutions out without send_resolved', () => {
    const grouping = new Grouping({ ...options, sendResolved: false });
    grouping.insert(incident(1), 0);
    grouping.insert(incident(2), 0);
    grouping.tick(30 * S);
    grouping.insert(incident(1, { status: 'resolved' }), MIN);
    expect(grouping.tick(30 * S + 5 * MIN)).toEqual([]);
    grouping.insert(incident(3), 6 * MIN);
    expect(summary(grouping.tick(30 * S + 10 * MIN))).toEqual([{ why: 'changed', serials: ['2', '3'] }]);
  });
});
