import { describe, expect, it } from 'vitest';
import { Inhibitor } from './inhibition.ts';
import { OpenIncidentIndex } from './open-incident-index.ts';
import { makeIncident } from './testdata/make-incident.ts';

describe('open incident index', () => {
  it('keeps open incidents by rule and drops them once resolved', () => {
    const index = new OpenIncidentIndex();
    const a = makeIncident({ ruleId: 'r1' });
    const b = makeIncident({ ruleId: 'r1' });
    const c = makeIncident({ ruleId: 'r2', status: 'acknowledged' });
    for (const incident of [a, b, c]) index.apply(incident);
    expect([...index.ofRule('r1')].map((i) => i.serial)).toEqual([a.serial, b.serial]);
    index.apply({ ...a, status: 'resolved' });
    expect([...index.ofRule('r1')].map((i) => i.serial)).toEqual([b.serial]);
    expect([...index].map((i) => i.serial)).toEqual([b.serial, c.serial]);
    expect([...index.ofRule('none')]).toEqual([]);
  });

  it('serves inhibition the same answers as a plain list', () => {
    const inhibitor = new Inhibitor([{ source: 'src', targets: ['tgt'], equal: ['user.name'] }]);
    const source = makeIncident({ ruleId: 'src', group: { 'user.name': 'alice' } });
    const others = Array.from({ length: 50 }, (_, i) =>
      makeIncident({ ruleId: 'tgt', group: { 'user.name': `u${i}` } }),
    );
    const index = new OpenIncidentIndex();
    for (const incident of [...others, source]) index.apply(incident);
    const alice = makeIncident({ ruleId: 'tgt', group: { 'user.name': 'alice' } });
    expect(inhibitor.findInhibitor(alice, index)).toBe(source);
    expect(inhibitor.findInhibitor(alice, [...others, source])).toBe(source);
    index.apply({ ...source, status: 'resolved' });
    expect(inhibitor.isInhibited(alice, index)).toBe(false);
  });
});
