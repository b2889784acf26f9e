import { describe, expect, it } from 'vitest';
import { MINUTE, T0, absenceRule, authEvent, detect, opened, resolved } from './testdata/fixtures.ts';

const report = (offset: number, host = 'web-1') => authEvent(offset, { host });

describe('absence rule', () => {
  it('opens when a source that reported falls silent for longer than the window', () => {
    const events = [report(0), report(MINUTE, 'web-2'), report(20 * MINUTE, 'web-2')];
    const [open] = opened(detect([absenceRule()], events));
    expect(open).toMatchObject({
      group: { 'host.name': 'web-1' },
      count: 0,
      at: T0 + 10 * MINUTE,
      lastSeen: T0,
    });
  });

  it('stays quiet while every source reports within the window', () => {
    const events = [0, 8, 16, 24].flatMap((m) => [report(m * MINUTE), report(m * MINUTE, 'web-2')]);
    expect(detect([absenceRule()], events)).toEqual([]);
  });

  it('does not open when the silence lasts exactly the window', () => {
    const events = [report(0), report(10 * MINUTE, 'web-2'), report(10 * MINUTE)];
    expect(opened(detect([absenceRule()], events))).toHaveLength(0);
  });

  it('resolves once the source reports again', () => {
    const web2 = [5, 14, 22, 31].map((m) => report(m * MINUTE, 'web-2'));
    const events = [report(0), ...web2.slice(0, 3), report(30 * MINUTE), web2[3]!];
    const detections = detect([absenceRule({ resolveAfterMs: 0 })], events);
    expect(opened(detections).map((d) => d.group['host.name'])).toEqual(['web-1']);
    expect(resolved(detections)[0]).toMatchObject({ group: { 'host.name': 'web-1' }, at: T0 + 30 * MINUTE });
  });

  it('raises an expected source that never reported', () => {
    const rule = absenceRule({ expect: [{ 'host.name': 'db-1' }] });
    const events = [report(0), report(9 * MINUTE), report(18 * MINUTE)];
    const [open] = opened(detect([rule], events));
    expect(open?.group).toEqual({ 'host.name': 'db-1' });
  });

  it('one silence is one episode however long it lasts', () => {
    const events = [
      report(0),
      ...Array.from({ length: 72 }, (_, i) => report((i + 1) * 5 * MINUTE, 'web-2')),
    ];
    expect(opened(detect([absenceRule()], events))).toHaveLength(1);
  });
});
